package uk.openattendance.letters.domain;

import java.util.List;
import java.util.Optional;

/**
 * The attendance-threshold rules: besides the letter, each says where the pupil now stands on the ladder, which the
 * next run steps from. {@code next} is empty when the run could not judge the pupil (too little record).
 */
public sealed interface LadderTrigger extends LetterTrigger permits LetterOnEachCrossingIntoADeeperLevel, StandardLetterTwiceInSuccessionThenBelowNinety {

    record Step(Optional<LadderState> next, Optional<WantedLetter> letter) {
        static final Step UNJUDGED = new Step(Optional.empty(), Optional.empty());

        static Step stay(LadderState next) {
            return new Step(Optional.of(next), Optional.empty());
        }
    }

    Step step(PupilAttendanceSnapshot s);

    @Override
    default List<WantedLetter> evaluate(PupilAttendanceSnapshot s) {
        return step(s).letter().stream().toList();
    }

    /** The occasion of a ladder letter: the pupil's nth ladder letter of the academic year. */
    static String triggerKey(PupilAttendanceSnapshot s, int crossing) {
        return "ATTENDANCE:" + s.academicYear() + ":" + crossing;
    }
}
