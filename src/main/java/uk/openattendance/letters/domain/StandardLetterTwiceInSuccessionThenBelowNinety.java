package uk.openattendance.letters.domain;

import java.util.List;
import java.util.Optional;
import uk.openattendance.school.domain.LetterLevel;

/**
 * seeds/000, 'Attendance between 90% and 94%': "The standard letter described above may be used again where a child's
 * attendance sits at this level. This letter may be used twice in succession but if attendance remains at this level
 * for a third time, it will be treated as for attendance which is below 90%."
 *
 * <p>Read as: at each letter run where attendance sits at a level that has a level below it (the standard letter's),
 * a letter is due, whether the pupil has just fallen into it or is still there. The first {@code repeats} such letters
 * in succession are that level's; the next is the level below (below 90%, with its meeting). A letter of another level
 * breaks the succession; climbing back above every threshold does not (a third dip is still the third time). Once
 * treated as below 90%, staying anywhere below 95% draws no further ladder letter (the policy's next steps for
 * "attendance which continues to decline" are meetings, not letters) until the pupil is back above 95%.
 */
public record StandardLetterTwiceInSuccessionThenBelowNinety(List<LetterLevel> levels, int repeats) implements LadderTrigger {
    public StandardLetterTwiceInSuccessionThenBelowNinety {
        levels = List.copyOf(levels);
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1");
        }
    }

    @Override
    public Step step(PupilAttendanceSnapshot s) {
        if (!s.ladderJudged()) {
            return Step.UNJUDGED;
        }
        Levels ladder = new Levels(levels);
        LadderState from = s.ladder().startingPointFor(s.asOf());
        LetterLevel reached = s.band();
        if (reached == null) {
            return Step.stay(new LadderState(null, from.lastSentLevel(), from.sameLevelRun(), from.crossings()));
        }
        boolean crossing = ladder.deeper(reached, from.currentLevel());
        boolean sitsAtRepeatableLevel = reached.key().equals(from.currentLevel()) && reached.key().equals(from.lastSentLevel())
                && ladder.below(reached.key()) != null;
        if (!crossing && !sitsAtRepeatableLevel) {
            return Step.stay(from);
        }
        boolean third = reached.key().equals(from.lastSentLevel()) && from.sameLevelRun() >= repeats && ladder.below(reached.key()) != null;
        LetterLevel letter = third ? ladder.below(reached.key()) : reached;
        int run = letter.key().equals(from.lastSentLevel()) ? from.sameLevelRun() + 1 : 1;
        int number = from.crossings() + 1;
        WantedLetter wanted = new WantedLetter(s.pupilId(), LetterKind.ATTENDANCE, letter.key(), LadderTrigger.triggerKey(s, number),
                new LetterFacts.Attendance(letter, third, s.ladderWindow().orElseThrow()), letter.meetingInvitation());
        // treated as the level written about: the pupil now stands there until back above every threshold
        return new Step(Optional.of(new LadderState(letter.key(), letter.key(), run, number)), Optional.of(wanted));
    }
}
