package uk.openattendance.letters.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.openattendance.school.domain.LetterRules;

/** A school's letter rules as a list, and the decision over one pupil's snapshot: which letters to draft, which to keep SUPPRESSED, and why. */
public final class LetterTriggers {
    private LetterTriggers() {}

    /** The rules a school's settings switch on, in the order their letters are considered (a rule whose setting is unset is off). */
    public static List<LetterTrigger> of(LetterRules rules) {
        List<LetterTrigger> out = new ArrayList<>();
        if (!rules.levels().isEmpty()) {
            out.add(rules.sameLevelRepeatsBeforeEscalating() == null ? new LetterOnEachCrossingIntoADeeperLevel(rules.levels())
                    : new StandardLetterTwiceInSuccessionThenBelowNinety(rules.levels(), rules.sameLevelRepeatsBeforeEscalating()));
        }
        if (rules.medicalEvidenceAfterIllnessSessionsInTerm() != null) {
            out.add(new MedicalEvidenceAfterIllnessSessionsInTerm(rules.medicalEvidenceAfterIllnessSessionsInTerm()));
        }
        if (rules.medicalEvidenceAfterIllnessSessionsInYear() != null) {
            out.add(new MedicalEvidenceAfterIllnessSessionsInYear(rules.medicalEvidenceAfterIllnessSessionsInYear()));
        }
        if (rules.evidenceOnConsecutiveIllnessDay() != null) {
            out.add(new EvidenceOnFifthConsecutiveIllnessDay(rules.evidenceOnConsecutiveIllnessDay()));
        }
        if (rules.punctualityLetterWhenUnauthorisedLatesAbove() != null) {
            out.add(new PunctualityAfterUnauthorisedLates(rules.punctualityLetterWhenUnauthorisedLatesAbove()));
        }
        // the national framework applies to every school
        out.add(new PenaltyWarningAfterTenUnauthorisedSessions());
        return List.copyOf(out);
    }

    /** A letter to write: SUPPRESSED (kept, with the reason beside its figures) when {@code suppressedBecause} is set. */
    public record Decision(WantedLetter letter, String suppressedBecause) {
        public boolean drafted() {
            return suppressedBecause == null;
        }
    }

    /** This run's letters for the pupil, and where the ladder leaves them (empty: leave the stored state as it is). */
    public record PupilLetters(List<Decision> letters, Optional<LadderState> ladder) {
        public static final PupilLetters NONE = new PupilLetters(List.of(), Optional.empty());
    }

    /**
     * Every rule over the snapshot. A letter whose occasion was already written about (in any run) is left out. Of the
     * medical-evidence letters new in this run, the first is drafted and the others kept SUPPRESSED as covered by it: a
     * family is asked for evidence once a run. Only a letter of the same run, or an exception the office recorded, keeps
     * a letter back; a letter from an earlier run never does.
     */
    public static PupilLetters decide(List<LetterTrigger> triggers, PupilAttendanceSnapshot s) {
        Set<String> written = s.writtenKeys();
        List<Decision> out = new ArrayList<>();
        Optional<LadderState> ladder = Optional.empty();
        WantedLetter medicalThisRun = null;
        for (LetterTrigger t : triggers) {
            List<WantedLetter> wanted;
            if (t instanceof LadderTrigger lt) {
                LadderTrigger.Step step = lt.step(s);
                ladder = step.next();
                wanted = step.letter().stream().toList();
            } else {
                wanted = t.evaluate(s);
            }
            for (WantedLetter w : wanted) {
                if (written.contains(w.triggerKey())) {
                    continue;
                }
                String reason = exceptionFor(s, w);
                if (reason == null && w.kind() == LetterKind.MEDICAL_EVIDENCE) {
                    if (medicalThisRun != null) {
                        reason = "Covered by the medical-evidence letter drafted in the same run (" + medicalThisRun.triggerKey() + ")";
                    } else {
                        medicalThisRun = w;
                    }
                }
                out.add(new Decision(w, reason));
            }
        }
        return new PupilLetters(List.copyOf(out), ladder);
    }

    private static String exceptionFor(PupilAttendanceSnapshot s, WantedLetter w) {
        return s.exceptions().stream().filter(e -> e.applies(s.pupilId(), w.templateKind(), s.asOf())).map(LetterException::why).findFirst().orElse(null);
    }
}
