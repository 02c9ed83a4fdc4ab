package uk.openattendance.leave.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.openattendance.school.domain.DateWindow;
import uk.openattendance.school.domain.LeaveRules;
import uk.openattendance.school.domain.PolicyPresets;

class LeaveAdvisorTest {
    static final LeaveRules GLOUCESTERSHIRE = PolicyPresets.byKey(PolicyPresets.PRIMARY_GLOUCESTERSHIRE).orElseThrow().settings().leave();
    static final LeaveRules BEDFORDSHIRE = PolicyPresets.byKey(PolicyPresets.LOWER_SCHOOL_BEDFORDSHIRE).orElseThrow().settings().leave();
    static final LocalDate ASKED = LocalDate.of(2027, 3, 1);
    static final DateWindow SATS = new DateWindow("KS2 SATs", LocalDate.of(2027, 5, 10), LocalDate.of(2027, 5, 13));

    static LeaveAdvisor.Facts facts(LeaveGround ground, LocalDate first, LocalDate last, double days) {
        return new LeaveAdvisor.Facts(ground, first, last, days, ASKED, LocalDate.of(2026, 12, 18), List.of(SATS), 0, new BigDecimal("2.1"), 0, 0, true, true);
    }

    static List<String> rules(LeaveAdvice advice) {
        return advice.points().stream().map(LeaveAdvice.Point::rule).toList();
    }

    @Test
    void aRequestWithEnoughNoticeOutsideAssessmentsRaisesNoConcerns() {
        LeaveAdvice a = LeaveAdvisor.advise(GLOUCESTERSHIRE, facts(LeaveGround.EXCEPTIONAL_CIRCUMSTANCES, LocalDate.of(2027, 3, 22), LocalDate.of(2027, 3, 23), 2));
        assertThat(a.leaning()).isEqualTo(LeaveAdvice.Leaning.NO_CONCERNS);
        assertThat(rules(a)).containsExactly("NONE");
    }

    @Test
    void lessThanTheSchoolsNoticeIsAConcernThatSaysHowMuchNoticeWasGiven() {
        LeaveAdvice a = LeaveAdvisor.advise(GLOUCESTERSHIRE, facts(LeaveGround.EXCEPTIONAL_CIRCUMSTANCES, LocalDate.of(2027, 3, 8), LocalDate.of(2027, 3, 8), 1));
        assertThat(a.leaning()).isEqualTo(LeaveAdvice.Leaning.CONCERNS);
        assertThat(a.points()).singleElement().satisfies(p -> assertThat(p.reason()).contains("7 days ahead").contains("14 days"));
    }

    @Test
    void datesOverlappingSatsWeekAreAdvisedAgainstNamingTheWindow() {
        LeaveAdvice a = LeaveAdvisor.advise(GLOUCESTERSHIRE, facts(LeaveGround.EXCEPTIONAL_CIRCUMSTANCES, LocalDate.of(2027, 5, 12), LocalDate.of(2027, 5, 14), 3));
        assertThat(a.leaning()).isEqualTo(LeaveAdvice.Leaning.LIKELY_REFUSE);
        assertThat(a.points()).anySatisfy(p -> assertThat(p.reason()).contains("KS2 SATs"));
    }

    @Test
    void aPupilInTheirFirstTermIsAdvisedAgainstWhereTheSchoolSaysSo() {
        var f = new LeaveAdvisor.Facts(LeaveGround.EXCEPTIONAL_CIRCUMSTANCES, LocalDate.of(2027, 3, 22), LocalDate.of(2027, 3, 22), 1, ASKED,
                LocalDate.of(2027, 4, 1), List.of(), 0, BigDecimal.ZERO, 0, 0, true, true);
        assertThat(rules(LeaveAdvisor.advise(GLOUCESTERSHIRE, f))).contains("FIRST_TERM");
        assertThat(rules(LeaveAdvisor.advise(BEDFORDSHIRE, f))).doesNotContain("FIRST_TERM");
    }

    @Test
    void unauthorisedAbsenceThisYearAndAuthorisedAbsenceAboveTenPercentAreAdvisedAgainst() {
        var f = new LeaveAdvisor.Facts(LeaveGround.EXCEPTIONAL_CIRCUMSTANCES, LocalDate.of(2027, 3, 22), LocalDate.of(2027, 3, 22), 1, ASKED, null, List.of(),
                3, new BigDecimal("10.4"), 0, 0, true, true);
        LeaveAdvice a = LeaveAdvisor.advise(BEDFORDSHIRE, f);
        assertThat(rules(a)).contains("UNAUTHORISED_THIS_YEAR", "AUTHORISED_ABOVE");
        assertThat(a.points()).anySatisfy(p -> assertThat(p.reason()).contains("10.4%").contains("10%"));
    }

    @Test
    void moreThanFiveSchoolDaysNeedsAMeetingWithTheHeadteacher() {
        LeaveAdvice a = LeaveAdvisor.advise(BEDFORDSHIRE, facts(LeaveGround.PERFORMANCE_OR_EMPLOYMENT_ABROAD, LocalDate.of(2027, 3, 22), LocalDate.of(2027, 3, 29), 6));
        assertThat(rules(a)).containsExactly("MEETING");
        assertThat(a.leaning()).isEqualTo(LeaveAdvice.Leaning.CONCERNS);
    }

    @Test
    void religiousObservanceIsLimitedToOneDayPerFestivalAndThreeAYear() {
        var secondDay = new LeaveAdvisor.Facts(LeaveGround.RELIGIOUS_OBSERVANCE, LocalDate.of(2027, 3, 22), LocalDate.of(2027, 3, 22), 1, ASKED, null,
                List.of(), 0, BigDecimal.ZERO, 1, 1, true, true);
        assertThat(rules(LeaveAdvisor.advise(BEDFORDSHIRE, secondDay))).containsExactly("RELIGIOUS_PER_FESTIVAL");
        var fourthThisYear = new LeaveAdvisor.Facts(LeaveGround.RELIGIOUS_OBSERVANCE, LocalDate.of(2027, 3, 22), LocalDate.of(2027, 3, 22), 1, ASKED, null,
                List.of(), 0, BigDecimal.ZERO, 0, 3, true, true);
        assertThat(rules(LeaveAdvisor.advise(BEDFORDSHIRE, fourthThisYear))).containsExactly("RELIGIOUS_PER_YEAR");
    }

    @Test
    void aRequestFromSomeoneThePupilDoesNotLiveWithOrForDaysAlreadyPastIsAdvisedAgainst() {
        var notResident = new LeaveAdvisor.Facts(LeaveGround.EXCEPTIONAL_CIRCUMSTANCES, LocalDate.of(2027, 3, 22), LocalDate.of(2027, 3, 22), 1, ASKED, null,
                List.of(), 0, BigDecimal.ZERO, 0, 0, true, false);
        assertThat(rules(LeaveAdvisor.advise(GLOUCESTERSHIRE, notResident))).containsExactly("REQUESTER");
        var past = facts(LeaveGround.EXCEPTIONAL_CIRCUMSTANCES, ASKED.minusDays(3), ASKED.minusDays(2), 2);
        assertThat(rules(LeaveAdvisor.advise(GLOUCESTERSHIRE, past))).contains("IN_ADVANCE");
    }
}
