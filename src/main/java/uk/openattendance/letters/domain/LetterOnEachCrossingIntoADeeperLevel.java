package uk.openattendance.letters.domain;

import java.util.List;
import java.util.Optional;
import uk.openattendance.school.domain.LetterLevel;

/**
 * A letter when attendance over the school's window goes into a level deeper than the one it stood at, and not again
 * while it stays there; improving and falling back is a new crossing. The reading of policies that write only of
 * attendance "going below" or "falling to" a threshold: seeds/002 "If attendance of any child at school goes below 95%
 * a letter home ... below 90% ... Attendance Improvement Meeting"; seeds/004 "If a pupil's attendance falls to 93%, ...
 * a letter", "falls below 90% at any point, the parent is invited to an attendance review meeting"; seeds/001's
 * traffic light over a fixed period ("93% and 91% equates to amber and a letter will be sent"); seeds/003's termly
 * letters at 95% and 90%.
 */
public record LetterOnEachCrossingIntoADeeperLevel(List<LetterLevel> levels) implements LadderTrigger {
    public LetterOnEachCrossingIntoADeeperLevel {
        levels = List.copyOf(levels);
    }

    @Override
    public Step step(PupilAttendanceSnapshot s) {
        if (!s.ladderJudged()) {
            return Step.UNJUDGED;
        }
        Levels ladder = new Levels(levels);
        LadderState from = s.ladder().startingPointFor(s.asOf());
        LetterLevel reached = s.band();
        if (reached == null || !ladder.deeper(reached, from.currentLevel())) {
            return Step.stay(new LadderState(reached == null ? null : reached.key(), from.lastSentLevel(), from.sameLevelRun(), from.crossings()));
        }
        int crossing = from.crossings() + 1;
        int run = reached.key().equals(from.lastSentLevel()) ? from.sameLevelRun() + 1 : 1;
        WantedLetter letter = new WantedLetter(s.pupilId(), LetterKind.ATTENDANCE, reached.key(), LadderTrigger.triggerKey(s, crossing),
                new LetterFacts.Attendance(reached, false, s.ladderWindow().orElseThrow()), reached.meetingInvitation());
        return new Step(Optional.of(new LadderState(reached.key(), reached.key(), run, crossing)), Optional.of(letter));
    }
}
