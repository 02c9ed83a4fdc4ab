package uk.openattendance.letters.domain;

import java.util.List;

/**
 * seeds/003, 3: "If a child is reported absent from school for illness on five consecutive days or more, on the fifth
 * day the school will ask for evidence be provided in order to support the absence." Once per run of illness, on the
 * run's {@code day}th school day in a row (5 in that policy); holidays and closures do not break a run, a day in school does.
 */
public record EvidenceOnFifthConsecutiveIllnessDay(int day) implements LetterTrigger {

    @Override
    public List<WantedLetter> evaluate(PupilAttendanceSnapshot s) {
        return s.illness().runs().stream().filter(r -> r.schoolDays() >= day)
                .map(r -> new WantedLetter(s.pupilId(), LetterKind.MEDICAL_EVIDENCE, null, "ILLNESS_RUN:" + r.first(), new LetterFacts.Illness(day * 2L,
                        "in a row, on " + day + " consecutive school days from " + MedicalEvidenceAfterIllnessSessionsInTerm.LONG_DATE.format(r.first())),
                        false))
                .toList();
    }
}
