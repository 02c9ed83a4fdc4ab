package uk.openattendance.letters.domain;

import java.util.List;

/**
 * The national framework for penalty notices (seeds/001: "all schools will be required to consider a fine when a child
 * has missed 10 or more sessions (5 days) for unauthorised reasons"; seeds/003: "A fixed penalty notice warning notice
 * can be requested after 10 unauthorised sessions"): 10 or more G, N, O or U sessions in a rolling 10 school weeks
 * (judged in {@code statutory}). Once per window, keyed by the window's first week.
 */
public record PenaltyWarningAfterTenUnauthorisedSessions() implements LetterTrigger {

    @Override
    public List<WantedLetter> evaluate(PupilAttendanceSnapshot s) {
        return s.penaltyWindow().map(w -> new WantedLetter(s.pupilId(), LetterKind.PENALTY_WARNING, null, "PENALTY:" + w.from(),
                new LetterFacts.UnauthorisedAbsence(w.sessions(), w.from(), w.to()), false)).stream().toList();
    }
}
