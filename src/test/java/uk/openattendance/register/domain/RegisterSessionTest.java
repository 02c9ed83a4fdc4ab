package uk.openattendance.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.openattendance.school.domain.Closure;
import uk.openattendance.school.domain.ClosureKind;
import uk.openattendance.school.domain.SchoolCalendar;
import uk.openattendance.school.domain.Session;
import uk.openattendance.school.domain.SessionScope;
import uk.openattendance.school.domain.SessionTiming;
import uk.openattendance.school.domain.Term;

/**
 * A register decided from a snapshot alone, no database and no clock: Copnor's morning, register 8:45 to 9:00, L after
 * 9:00, U after 9:15 (seeds/003). Pupils are fictional.
 */
class RegisterSessionTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static final SessionTiming AM = SessionTiming.of("08:45", "09:00", "09:00", "09:15");
    private static final SchoolCalendar CALENDAR = new SchoolCalendar(List.of(new Term("2026/27", "Autumn", LocalDate.of(2026, 9, 2),
            LocalDate.of(2026, 12, 18), LocalDate.of(2026, 10, 26), LocalDate.of(2026, 10, 30))), List.of());
    private static final RegisterSession.Pupil AMIRA = pupil(1, "Amira Khan", LocalDate.of(2018, 12, 3));
    private static final RegisterSession.Pupil LEO = pupil(2, "Leo Ward", LocalDate.of(2019, 5, 9));

    private static RegisterSession.Pupil pupil(long id, String name, LocalDate born) {
        return new RegisterSession.Pupil(id, name, 10, "Year 2", AM, LocalDate.of(2023, 9, 1), null, born);
    }

    private static RegisterSession at(String time, Map<Long, RegisterSession.Mark> current, Map<Long, RegisterSession.Planned> plans) {
        return at(time, CALENDAR, current, plans);
    }

    private static RegisterSession at(String time, SchoolCalendar calendar, Map<Long, RegisterSession.Mark> current,
            Map<Long, RegisterSession.Planned> plans) {
        return new RegisterSession(DAY, Session.AM, LocalDateTime.of(DAY, LocalTime.parse(time)), calendar, Map.of(1L, AMIRA, 2L, LEO), current, plans);
    }

    private static RegisterSession.Entry entry(long pupilId, String code) {
        return new RegisterSession.Entry(pupilId, code, null, null, null);
    }

    private static RegisterSession.Submission live(RegisterSession.Entry... entries) {
        return new RegisterSession.Submission(List.of(entries), null, null);
    }

    private static List<RegisterSession.Decision> taken(RegisterSession.Outcome o) {
        assertThat(o).isInstanceOf(RegisterSession.Taken.class);
        return ((RegisterSession.Taken) o).marks();
    }

    @Test
    void aRegisterTakenWhileOpenRecordsEachMarkAsGivenWithTheSessionsPresentCode() {
        List<RegisterSession.Decision> marks = taken(at("08:55", Map.of(), Map.of()).take(live(entry(1, "/"), entry(2, "N"))));

        assertThat(marks).extracting(d -> d.code().code()).containsExactly("/", "N");
        assertThat(marks).allSatisfy(d -> {
            assertThat(d.amends()).isFalse();
            assertThat(d.source()).isEqualTo("REGISTER");
        });
    }

    @Test
    void aPresentMarkSentAfterTheRegisterClosedMeansArrivedNowAndTheClockDecidesLOrU() {
        assertThat(taken(at("09:10", Map.of(), Map.of()).take(live(entry(1, "/")))).get(0)).satisfies(d -> {
            assertThat(d.code().code()).isEqualTo("L");
            assertThat(d.minutesLate()).isEqualTo(10);
            assertThat(d.note()).isEqualTo("Arrived 09:10");
        });
        assertThat(taken(at("09:16", Map.of(), Map.of()).take(live(entry(1, "/")))).get(0).code().code()).isEqualTo("U");
    }

    @Test
    void aPaperRegisterTypedInAtElevenKeepsItsPresentMarksAndNamesWhoTookIt() {
        RegisterSession.Decision d = taken(at("11:00", Map.of(), Map.of())
                .take(new RegisterSession.Submission(List.of(entry(1, "/")), null, "Mrs A Patel, class teacher"))).get(0);

        assertThat(d.code().code()).isEqualTo("/");
        assertThat(d.source()).isEqualTo("PAPER_REGISTER");
        assertThat(d.note()).isEqualTo("Taken on paper at registration by Mrs A Patel, class teacher, typed in later");
    }

    @Test
    void anEntryLeftBlankTakesThePlannedMarkWithItsReason() {
        RegisterSession.Decision d = taken(at("08:55", Map.of(), Map.of(1L, new RegisterSession.Planned("C", "Leave approved (request 4)")))
                .take(live(entry(1, null)))).get(0);

        assertThat(d.code().code()).isEqualTo("C");
        assertThat(d.source()).isEqualTo("PLANNED");
        assertThat(d.note()).isEqualTo("Leave approved (request 4)");
    }

    @Test
    void aRegisterNotOpenYetStopsTheWholeSubmission() {
        RegisterSession.Outcome o = at("08:30", Map.of(), Map.of()).take(live(entry(1, "/")));

        assertThat(o).isEqualTo(new RegisterSession.Stopped(RegisterSession.Problem.NOT_OPEN_YET,
                "The AM register for Amira Khan's group opens at 08:45 (it is 08:30)"));
    }

    @Test
    void aPupilNotOnTheRollOrNamedTwiceIsRefusedAndNothingIsTaken() {
        RegisterSession.Outcome o = at("08:55", Map.of(), Map.of()).take(live(entry(1, "/"), entry(99, "/"), entry(1, "N")));

        assertThat(o).isInstanceOf(RegisterSession.Refused.class);
        RegisterSession.Refused r = (RegisterSession.Refused) o;
        assertThat(r.problem()).isEqualTo(RegisterSession.Problem.NOT_VALID);
        assertThat(r.refusals()).containsExactly(new RegisterSession.Refusal("marks[1].pupilId", "the id of a pupil on this school's roll"),
                new RegisterSession.Refusal("marks[2].pupilId", "each pupil once per register"));
        assertThat(r.message()).startsWith("2 mark(s) could not be recorded; nothing was saved. First: marks[1].pupilId");
    }

    @Test
    void aPupilWhoseGroupIsClosedThisSessionIsRefusedWithTheClosure() {
        SchoolCalendar closed = new SchoolCalendar(CALENDAR.terms(), List.of(new Closure(DAY, SessionScope.AM, 10L, ClosureKind.PLANNED_PARTIAL, "Year 2 trip")));

        RegisterSession.Refused r = (RegisterSession.Refused) at("08:55", closed, Map.of(), Map.of()).take(live(entry(1, "/")));

        assertThat(r.refusals().get(0).expected()).isEqualTo("a pupil whose AM session is open (Year 2 is closed: PLANNED_PARTIAL, Year 2 trip)");
    }

    @Test
    void aCodeThatDoesNotApplyToThePupilIsRefusedAsSuch() {
        RegisterSession.Refused r = (RegisterSession.Refused) at("08:55", Map.of(), Map.of()).take(live(entry(1, "X")));

        assertThat(r.problem()).isEqualTo(RegisterSession.Problem.CODE_DOES_NOT_APPLY);
        assertThat(r.refusals().get(0).field()).isEqualTo("marks[0].code");
    }

    @Test
    void changingAMarkAlreadyTakenNeedsAReasonThenTheVersionLastSeen() {
        Map<Long, RegisterSession.Mark> taken = Map.of(1L, new RegisterSession.Mark("N", 0, null, 3, "Ms B Clark"));
        RegisterSession session = at("10:00", taken, Map.of());

        RegisterSession.Refused noReason = (RegisterSession.Refused) session.take(live(entry(1, "I")));
        assertThat(noReason.problem()).isEqualTo(RegisterSession.Problem.AMENDMENT_NEEDS_REASON);
        assertThat(noReason.refusals().get(0).field()).isEqualTo("marks[0].reason");

        RegisterSession.Refused noVersion = (RegisterSession.Refused) session.take(new RegisterSession.Submission(List.of(entry(1, "I")), "Mum rang: ill", null));
        assertThat(noVersion.refusals()).containsExactly(new RegisterSession.Refusal("marks[0].version", "the version of the mark you are changing (3 when you loaded it?)"));

        RegisterSession.Outcome stale = session.take(new RegisterSession.Submission(List.of(new RegisterSession.Entry(1, "I", null, 2, "Mum rang: ill")), null, null));
        assertThat(stale).isEqualTo(new RegisterSession.Stopped(RegisterSession.Problem.STALE_MARK,
                "The mark of Amira Khan was changed to N by Ms B Clark after you loaded it (version 3, you sent 2)"));

        RegisterSession.Decision d = taken(session.take(new RegisterSession.Submission(List.of(new RegisterSession.Entry(1, "I", null, 3, null)), "Mum rang: ill",
                null))).get(0);
        assertThat(d.amends()).isTrue();
        assertThat(d.changesNothing()).isFalse();
        assertThat(d.source()).isEqualTo("AMENDMENT");
        assertThat(d.note()).isEqualTo("Mum rang: ill");
    }

    @Test
    void sendingTheSameMarkAgainChangesNothingAndNeedsNoReason() {
        RegisterSession session = at("08:58", Map.of(1L, new RegisterSession.Mark("/", 0, null, 1, "Ms B Clark")), Map.of());

        RegisterSession.Decision d = taken(session.take(live(entry(1, "/")))).get(0);

        assertThat(d.changesNothing()).isTrue();
    }

    @Test
    void anAmendmentToPresentInTheAfternoonTakesTheAfternoonCodeAndKeepsTheArrivalTime() {
        RegisterSession.Pupil amira = new RegisterSession.Pupil(1, "Amira Khan", 10, "Year 2", AM, LocalDate.of(2023, 9, 1), null, LocalDate.of(2018, 12, 3));
        RegisterSession pm = new RegisterSession(DAY, Session.PM, LocalDateTime.of(DAY, LocalTime.of(15, 0)), CALENDAR, Map.of(1L, amira),
                Map.of(1L, new RegisterSession.Mark("U", 25, LocalTime.of(13, 40), 2, "Ms B Clark")), Map.of());

        RegisterSession.Decision d = taken(pm.amend(new RegisterSession.Amendment(1, "/", null, 2, "Signed in at the gate, missed by the register"))).get(0);

        assertThat(d.code().code()).isEqualTo("\\");
        assertThat(d.minutesLate()).isZero();
        assertThat(d.arrivedAt()).isEqualTo(LocalTime.of(13, 40));
        assertThat(d.note()).isEqualTo("Signed in at the gate, missed by the register");
    }

    @Test
    void anAmendmentBetweenLateCodesKeepsTheMinutesAlreadyRecorded() {
        RegisterSession session = at("10:00", Map.of(1L, new RegisterSession.Mark("U", 20, LocalTime.of(9, 20), 1, "Ms B Clark")), Map.of());

        RegisterSession.Decision d = taken(session.amend(new RegisterSession.Amendment(1, "L", null, 1, "Signed in late by the office at 9:12"))).get(0);

        assertThat(d.code().code()).isEqualTo("L");
        assertThat(d.minutesLate()).isEqualTo(20);
    }

    @Test
    void anAmendmentIsRefusedForAStaleVersionACodeNotInForceOrOneThatDoesNotApply() {
        RegisterSession session = at("10:00", Map.of(1L, new RegisterSession.Mark("N", 0, null, 4, "Ms B Clark")), Map.of());

        assertThat(session.amend(new RegisterSession.Amendment(1, "I", null, 3, "ill"))).isInstanceOf(RegisterSession.Stopped.class);
        assertThat(session.amend(new RegisterSession.Amendment(1, "H", null, 4, "holiday"))).isInstanceOfSatisfying(RegisterSession.Refused.class,
                r -> assertThat(r.refusals().get(0).expected()).startsWith("a code in force on 2026-11-23: "));
        assertThat(session.amend(new RegisterSession.Amendment(1, "C", null, 4, "funeral"))).isInstanceOfSatisfying(RegisterSession.Refused.class,
                r -> assertThat(r.problem()).isEqualTo(RegisterSession.Problem.CODE_DOES_NOT_APPLY));
        assertThat(taken(at("10:00", Map.of(1L, new RegisterSession.Mark("N", 0, null, 4, "Ms B Clark")),
                Map.of(1L, new RegisterSession.Planned("C", "Leave approved (request 4)"))).amend(new RegisterSession.Amendment(1, "C", null, 4, "funeral"))))
                .extracting(d -> d.code().code()).containsExactly("C");
    }
}
