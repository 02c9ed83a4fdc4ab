package uk.openattendance.school.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each preset against the words of the policy it came from (shared/seeds). */
class PolicyPresetsTest {

    private static PolicyPreset preset(String key) {
        return PolicyPresets.byKey(key).orElseThrow();
    }

    private static LocalTime t(String s) {
        return LocalTime.parse(s);
    }

    @Test
    void everyPresetPassesTheLegalTimingRules() {
        for (PolicyPreset p : PolicyPresets.all()) {
            assertThat(TimingValidator.validate(p.registerGroups())).as(p.key()).isEmpty();
            assertThat(PolicyValidator.validate(p.settings())).as(p.key()).isEmpty();
        }
    }

    @Test
    void dorsetAcademyMarksLateAfterEightFortyFiveAndUAfterNineFive() {
        SessionTiming am = preset(PolicyPresets.SECONDARY_ACADEMY_DORSET).registerGroups().get(0).am();
        assertThat(am.opensAt()).isEqualTo(t("08:45"));
        assertThat(am.closesAt()).isEqualTo(t("09:05"));
        assertThat(am.lateAfter()).isEqualTo(t("08:45"));
        assertThat(am.unauthorisedAfter()).isEqualTo(t("09:05"));
        SessionTiming pm = preset(PolicyPresets.SECONDARY_ACADEMY_DORSET).registerGroups().get(0).pm();
        assertThat(pm.lateAfter()).isEqualTo(t("13:25"));
        assertThat(pm.unauthorisedAfter()).isEqualTo(t("13:35"));
    }

    @Test
    void dorsetAcademyChainPhonesAtTenThirtyEscalatesAtElevenAndIsSafeByElevenThirty() {
        FirstDayChain chain = preset(PolicyPresets.SECONDARY_ACADEMY_DORSET).settings().firstDay();
        assertThat(List.of(chain.phoneFrom(), chain.escalateAt(), chain.safeBy())).containsExactly(t("10:30"), t("11:00"), t("11:30"));
    }

    @Test
    void churchTrustGivesUFifteenMinutesAfterRegisterCloseAndWantsChildrenSafeByTen() {
        PolicyPreset p = preset(PolicyPresets.CHURCH_TRUST_TRAFFIC_LIGHT);
        SessionTiming am = p.registerGroups().get(0).am();
        assertThat(am.unauthorisedAfter()).isEqualTo(am.closesAt().plusMinutes(15));
        assertThat(p.settings().firstDay().reportBy()).isEqualTo(t("09:00"));
        assertThat(p.settings().firstDay().safeBy()).isEqualTo(t("10:00"));
        assertThat(p.settings().letters().windowWeeks()).isEqualTo(6);
        assertThat(p.settings().letters().levels()).extracting(LetterLevel::key).containsExactly("YELLOW", "AMBER", "RED");
    }

    @Test
    void gloucestershirePrimaryClosesRegistersAtNineAndOneTwenty() {
        RegisterGroupTimings whole = preset(PolicyPresets.PRIMARY_GLOUCESTERSHIRE).registerGroups().get(0);
        assertThat(whole.am().opensAt()).isEqualTo(t("08:50"));
        assertThat(whole.am().closesAt()).isEqualTo(t("09:00"));
        assertThat(whole.pm().opensAt()).isEqualTo(t("13:10"));
        assertThat(whole.pm().closesAt()).isEqualTo(t("13:20"));
    }

    @Test
    void portsmouthPrimaryMarksLateAfterItsRegisterClosesAtNineAndUAfterNineFifteen() {
        PolicyPreset p = preset(PolicyPresets.PRIMARY_PORTSMOUTH);
        SessionTiming am = p.registerGroups().get(0).am();
        assertThat(am.lateAfter()).isEqualTo(t("09:00"));
        assertThat(am.closesAt()).isEqualTo(t("09:00"));
        assertThat(am.unauthorisedAfter()).isEqualTo(t("09:15"));
        assertThat(p.settings().lateness().enabled()).isTrue();
    }

    @Test
    void bedfordshireLowerSchoolHasDifferentAfternoonRegistersForNurseryKs1AndKs2() {
        List<RegisterGroupTimings> groups = preset(PolicyPresets.LOWER_SCHOOL_BEDFORDSHIRE).registerGroups();
        assertThat(groups).extracting(RegisterGroupTimings::name).containsExactly("Nursery", "Reception and KS1", "KS2");
        assertThat(groups).extracting(g -> g.pm().opensAt()).containsExactly(t("12:00"), t("12:45"), t("13:30"));
        assertThat(groups).extracting(g -> g.am().closesAt()).containsOnly(t("09:15"));
    }

    @Test
    void bedfordshireNurseryIsLateOnlyAfterNineWhileOthersAreLateAfterEightFortyFive() {
        List<RegisterGroupTimings> groups = preset(PolicyPresets.LOWER_SCHOOL_BEDFORDSHIRE).registerGroups();
        assertThat(groups.get(0).am().lateAfter()).as("Nursery late only after 9:00").isEqualTo(t("09:00"));
        assertThat(groups.get(1).am().lateAfter()).isEqualTo(t("08:45"));
    }

    @Test
    void bedfordshireSendsPraiseAtNinetyEightPercentAndWritesAtNinetyThree() {
        PolicySettings s = preset(PolicyPresets.LOWER_SCHOOL_BEDFORDSHIRE).settings();
        assertThat(s.praise().halfTermlyExcellentFrom()).isEqualByComparingTo(new BigDecimal("98"));
        assertThat(s.letters().levels().get(0).attendanceBelow()).isEqualByComparingTo(new BigDecimal("93"));
    }

    @Test
    void everyPresetRecordsWhatItHadToInterpret() {
        assertThat(PolicyPresets.all()).allSatisfy(p -> assertThat(p.interpretations()).isNotEmpty());
    }

    @Test
    void eachPresetsSelfCertificationLimitComesFromItsEvidenceRules() {
        // Portsmouth asks for evidence "on the fifth day": four days on a parent's word; DSAT "more than 5 days"; the
        // others name no evidence day for illness and keep a school week
        assertThat(preset(PolicyPresets.PRIMARY_PORTSMOUTH).settings().replies().selfCertificationSchoolDays()).isEqualTo(4);
        assertThat(preset(PolicyPresets.CHURCH_TRUST_TRAFFIC_LIGHT).settings().replies().selfCertificationSchoolDays()).isEqualTo(5);
        assertThat(preset(PolicyPresets.SECONDARY_ACADEMY_DORSET).settings().replies().selfCertificationSchoolDays()).isEqualTo(5);
        assertThat(preset(PolicyPresets.PRIMARY_GLOUCESTERSHIRE).settings().replies().selfCertificationSchoolDays()).isEqualTo(5);
        assertThat(preset(PolicyPresets.LOWER_SCHOOL_BEDFORDSHIRE).settings().replies().selfCertificationSchoolDays()).isEqualTo(5);
        for (PolicyPreset p : PolicyPresets.all()) {
            assertThat(p.settings().replies().confidenceToApply()).as(p.key()).isEqualByComparingTo("0.8");
            assertThat(p.interpretations()).as(p.key()).anyMatch(i -> i.startsWith("Text replies:"));
        }
    }

    @Test
    void aSelfCertificationLimitOrConfidenceOutOfRangeIsNamedWithWhatIsExpected() {
        PolicySettings s = preset(PolicyPresets.PRIMARY_PORTSMOUTH).settings();
        PolicySettings bad = new PolicySettings(s.firstDay(), s.lateness(), s.letters(), s.praise(), s.leave(), s.marks(), s.messaging(),
                new ReplyRules(0, new BigDecimal("1.5")));
        assertThat(PolicyValidator.validate(bad)).extracting(e -> e.field() + ": " + e.expected()).containsExactly(
                "replies.selfCertificationSchoolDays: a number of school days from 1 to 30", "replies.confidenceToApply: a confidence from 0 to 1, e.g. 0.8");
    }
}
