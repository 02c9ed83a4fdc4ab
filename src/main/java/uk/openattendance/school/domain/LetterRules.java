package uk.openattendance.school.domain;

import java.util.List;

/**
 * When letters are drafted. Unset (null) numbers switch their rule off. {@code windowWeeks} null means year to date.
 * {@code sameLevelRepeatsBeforeEscalating}: a level's letter is sent again at each run while attendance stays at it, this
 * many times in succession, then the next is treated as the level below it (a Dorset academy's 'twice in succession,
 * then as below 90%'); unset, a letter goes only when attendance moves into a deeper level.
 */
public record LetterRules(
        Integer windowWeeks,
        List<LetterLevel> levels,
        Integer sameLevelRepeatsBeforeEscalating,
        Integer medicalEvidenceAfterIllnessSessionsInTerm,
        Integer medicalEvidenceAfterIllnessSessionsInYear,
        Integer evidenceOnConsecutiveIllnessDay,
        Integer punctualityLetterWhenUnauthorisedLatesAbove) {

    public LetterRules {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }
}
