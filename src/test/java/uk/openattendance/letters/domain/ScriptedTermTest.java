package uk.openattendance.letters.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.openattendance.school.domain.PolicyPresets;

/**
 * Each preset's letter rules over the same scripted half term (see {@link ScriptedTerm}): the exact letters each
 * standard pattern draws, week by week (w1 is the first Friday's run). Printed as [figure] lines for the closing note.
 * Where the presets differ, the policy's words decide (the readings are in each preset's interpretations): Dorset
 * repeats its standard letter while attendance stays at 90-95% and treats the third time as below 90%; the others
 * write once per move into a deeper level; only Portsmouth asks for medical evidence and writes about lateness.
 */
class ScriptedTermTest {
    static final Map<String, List<String>> EXPECTED = Map.ofEntries(
            Map.entry(PolicyPresets.SECONDARY_ACADEMY_DORSET, List.of(
                    "Always present: w1 - | w2 - | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "93% steady: w1 ATTENDANCE_BELOW_95 | w2 ATTENDANCE_BELOW_95 | w3 ATTENDANCE_BELOW_90 | w4 - | w5 - | w6 - | w7 -",
                    "93% then 88%: w1 ATTENDANCE_BELOW_95 | w2 ATTENDANCE_BELOW_95 | w3 ATTENDANCE_BELOW_90 | w4 - | w5 - | w6 - | w7 -",
                    "Illness 5 sessions: w1 - | w2 ATTENDANCE_BELOW_90 | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "Illness 8 sessions: w1 - | w2 ATTENDANCE_BELOW_90 | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "Illness 12 sessions: w1 - | w2 ATTENDANCE_BELOW_90 | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "Illness 8, then 4 more: w1 - | w2 ATTENDANCE_BELOW_90 | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "Illness 12, then 5 days again: w1 ATTENDANCE_BELOW_90 | w2 - | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "4 unauthorised lates: w1 ATTENDANCE_BELOW_95 | w2 ATTENDANCE_BELOW_95 | w3 ATTENDANCE_BELOW_90 | w4 - | w5 - | w6 - | w7 -",
                    "10 unauthorised sessions: w1 - | w2 - | w3 ATTENDANCE_BELOW_90 + PENALTY_WARNING | w4 - | w5 - | w6 - | w7 -")),
            Map.entry(PolicyPresets.CHURCH_TRUST_TRAFFIC_LIGHT, List.of(
                    "Always present: w1 - | w2 - | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "93% steady: w1 ATTENDANCE_RED | w2 - | w3 - | w4 - | w5 - | w6 ATTENDANCE_AMBER | w7 -",
                    "93% then 88%: w1 ATTENDANCE_RED | w2 - | w3 - | w4 ATTENDANCE_RED | w5 - | w6 - | w7 -",
                    "Illness 5 sessions: w1 - | w2 ATTENDANCE_RED | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "Illness 8 sessions: w1 - | w2 ATTENDANCE_RED | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "Illness 12 sessions: w1 - | w2 ATTENDANCE_RED | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "Illness 8, then 4 more: w1 - | w2 ATTENDANCE_RED | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "Illness 12, then 5 days again: w1 ATTENDANCE_RED | w2 - | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "4 unauthorised lates: w1 ATTENDANCE_RED | w2 - | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "10 unauthorised sessions: w1 - | w2 - | w3 ATTENDANCE_RED + PENALTY_WARNING | w4 - | w5 - | w6 - | w7 -")),
            Map.entry(PolicyPresets.PRIMARY_GLOUCESTERSHIRE, List.of(
                    "Always present: w1 - | w2 - | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "93% steady: w1 ATTENDANCE_BELOW_95 | w2 - | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "93% then 88%: w1 ATTENDANCE_BELOW_95 | w2 - | w3 - | w4 ATTENDANCE_BELOW_90 | w5 - | w6 - | w7 -",
                    "Illness 5 sessions: w1 - | w2 ATTENDANCE_BELOW_90 | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "Illness 8 sessions: w1 - | w2 ATTENDANCE_BELOW_90 | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "Illness 12 sessions: w1 - | w2 ATTENDANCE_BELOW_90 | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "Illness 8, then 4 more: w1 - | w2 ATTENDANCE_BELOW_90 | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "Illness 12, then 5 days again: w1 ATTENDANCE_BELOW_90 | w2 - | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "4 unauthorised lates: w1 ATTENDANCE_BELOW_95 | w2 - | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "10 unauthorised sessions: w1 - | w2 - | w3 ATTENDANCE_BELOW_90 + PENALTY_WARNING | w4 - | w5 - | w6 - | w7 -")),
            Map.entry(PolicyPresets.PRIMARY_PORTSMOUTH, List.of(
                    "Always present: w1 - | w2 - | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "93% steady: w1 ATTENDANCE_BELOW_95 | w2 - | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "93% then 88%: w1 ATTENDANCE_BELOW_95 | w2 - | w3 - | w4 ATTENDANCE_BELOW_90 | w5 - | w6 - | w7 -",
                    "Illness 5 sessions: w1 - | w2 ATTENDANCE_BELOW_90 | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "Illness 8 sessions: w1 - | w2 ATTENDANCE_BELOW_90 + MEDICAL_EVIDENCE[term] | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "Illness 12 sessions: w1 - | w2 ATTENDANCE_BELOW_90 + MEDICAL_EVIDENCE[term] + MEDICAL_EVIDENCE[5th day](suppressed) | w3 MEDICAL_EVIDENCE[year] | w4 - | w5 - | w6 - | w7 -",
                    "Illness 8, then 4 more: w1 - | w2 ATTENDANCE_BELOW_90 + MEDICAL_EVIDENCE[term] | w3 - | w4 - | w5 MEDICAL_EVIDENCE[year] | w6 - | w7 -",
                    "Illness 12, then 5 days again: w1 ATTENDANCE_BELOW_90 + MEDICAL_EVIDENCE[term] + MEDICAL_EVIDENCE[5th day](suppressed) | w2 MEDICAL_EVIDENCE[year] | w3 - | w4 - | w5 - | w6 MEDICAL_EVIDENCE[5th day] | w7 -",
                    "4 unauthorised lates: w1 ATTENDANCE_BELOW_95 | w2 - | w3 - | w4 PUNCTUALITY | w5 - | w6 - | w7 -",
                    "10 unauthorised sessions: w1 - | w2 - | w3 ATTENDANCE_BELOW_90 + PENALTY_WARNING | w4 - | w5 - | w6 - | w7 -")),
            Map.entry(PolicyPresets.LOWER_SCHOOL_BEDFORDSHIRE, List.of(
                    "Always present: w1 - | w2 - | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "93% steady: w1 ATTENDANCE_AT_93 | w2 - | w3 - | w4 ATTENDANCE_AT_93 | w5 - | w6 - | w7 -",
                    "93% then 88%: w1 ATTENDANCE_AT_93 | w2 - | w3 - | w4 ATTENDANCE_BELOW_90 | w5 - | w6 - | w7 -",
                    "Illness 5 sessions: w1 - | w2 ATTENDANCE_BELOW_90 | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "Illness 8 sessions: w1 - | w2 ATTENDANCE_BELOW_90 | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "Illness 12 sessions: w1 - | w2 ATTENDANCE_BELOW_90 | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "Illness 8, then 4 more: w1 - | w2 ATTENDANCE_BELOW_90 | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "Illness 12, then 5 days again: w1 ATTENDANCE_BELOW_90 | w2 - | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "4 unauthorised lates: w1 ATTENDANCE_AT_93 | w2 - | w3 - | w4 - | w5 - | w6 - | w7 -",
                    "10 unauthorised sessions: w1 - | w2 - | w3 ATTENDANCE_BELOW_90 + PENALTY_WARNING | w4 - | w5 - | w6 - | w7 -")));

    @ParameterizedTest
    @ValueSource(strings = {PolicyPresets.SECONDARY_ACADEMY_DORSET, PolicyPresets.CHURCH_TRUST_TRAFFIC_LIGHT, PolicyPresets.PRIMARY_GLOUCESTERSHIRE,
        PolicyPresets.PRIMARY_PORTSMOUTH, PolicyPresets.LOWER_SCHOOL_BEDFORDSHIRE})
    void eachStandardPatternGetsExactlyTheLettersItsSchoolsPolicyAsksForWeekByWeek(String preset) {
        List<String> lines = ScriptedTerm.run(PolicyPresets.byKey(preset).orElseThrow().settings().letters()).stream().map(ScriptedTerm.Letters::line)
                .toList();
        lines.forEach(l -> System.out.println("[figure] " + preset + " " + l));
        assertThat(lines).containsExactlyElementsOf(EXPECTED.get(preset));
    }
}
