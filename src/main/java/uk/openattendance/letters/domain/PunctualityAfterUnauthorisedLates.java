package uk.openattendance.letters.domain;

import java.util.List;

/**
 * seeds/003, 'Reactive Strategies for Punctuality': "If there are more than 3 unauthorised lates, then a letter is sent to
 * the parents/carers". An unauthorised late is an arrival after the register closed, coded U. Counted over the term
 * to date, once per term: more than {@code above} (3 in that policy).
 */
public record PunctualityAfterUnauthorisedLates(int above) implements LetterTrigger {

    @Override
    public List<WantedLetter> evaluate(PupilAttendanceSnapshot s) {
        if (s.unauthorisedLatesThisTerm() <= above) {
            return List.of();
        }
        return List.of(new WantedLetter(s.pupilId(), LetterKind.PUNCTUALITY, null, "PUNCTUALITY:" + s.academicYear() + ":" + s.term().name(),
                new LetterFacts.Punctuality(s.term().window()), false));
    }
}
