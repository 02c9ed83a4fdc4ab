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
        assertThat(am.classify(t("09:00")).kind()).isEqualTo(ArrivalMark.Kind.LATE);
        assertThat(am.classify(t("09:06")).kind()).isEqualTo(ArrivalMark.Kind.UNAUTHORISED_LATE);
        SessionTiming pm = preset(PolicyPresets.SECONDARY_ACADEMY_DORSET).registerGroups().get(0).pm();
        assertThat(pm.lateAfter()).isEqualTo(t("13:25"));
        assertThat(pm.unauthorisedFrom()).isEqualTo(t("13:35"));
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
        assertThat(am.unauthorisedFrom()).isEqualTo(am.closesAt().plusMinutes(15));
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
    void portsmouthPrimaryMarksLateUntilNineFifteenThenU() {
        PolicyPreset p = preset(PolicyPresets.PRIMARY_PORTSMOUTH);
        SessionTiming am = p.registerGroups().get(0).am();
        assertThat(am.classify(t("09:10")).kind()).isEqualTo(ArrivalMark.Kind.LATE);
        assertThat(am.classify(t("09:15")).kind()).isEqualTo(ArrivalMark.Kind.UNAUTHORISED_LATE);
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
        assertThat(groups.get(0).am().classify(t("08:55")).kind()).isEqualTo(ArrivalMark.Kind.ON_TIME);
        assertThat(groups.get(1).am().classify(t("08:55")).kind()).isEqualTo(ArrivalMark.Kind.LATE);
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
}
