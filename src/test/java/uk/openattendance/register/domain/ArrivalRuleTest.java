package uk.openattendance.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import uk.openattendance.school.domain.PolicyPreset;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.school.domain.RegisterGroupTimings;
import uk.openattendance.school.domain.Session;
import uk.openattendance.school.domain.SessionTiming;

/**
 * Every preset's registers at each boundary minute, for every register group, morning and afternoon. A cell is the
 * code an arrival at that minute gets, with its minutes late ("L10": late, 10 minutes). The policies' own words are
 * quoted beside each preset's times in {@link PolicyPresets}.
 */
class ArrivalRuleTest {
    static final List<String> COLUMNS = List.of("before open", "at open", "inside", "at close", "after close", "at U time", "after U time");

    // preset | group | session | opens late-after closes U-after | one cell per column
    static final List<String> TABLE = List.of(
            "secondary-academy-dorset  | Whole school      | AM | 08:45 08:45 09:05 09:05 | /  /  L10 L20 U21 L20 U21",
            "secondary-academy-dorset  | Whole school      | PM | 13:15 13:25 13:35 13:35 | \\ \\ \\  L10 U11 L10 U11",
            "church-trust-traffic-light| Whole school      | AM | 08:40 08:50 08:50 09:05 | /  /  /   /   L1  L15 U16",
            "church-trust-traffic-light| Whole school      | PM | 13:00 13:10 13:10 13:25 | \\ \\ \\  \\  L1  L15 U16",
            "primary-gloucestershire   | Whole school      | AM | 08:50 08:50 09:00 09:00 | /  /  L5  L10 U11 L10 U11",
            "primary-gloucestershire   | Whole school      | PM | 13:10 13:10 13:20 13:20 | \\ \\ L5  L10 U11 L10 U11",
            "primary-portsmouth        | Whole school      | AM | 08:45 09:00 09:00 09:15 | /  /  /   /   L1  L15 U16",
            "primary-portsmouth        | Whole school      | PM | 13:00 13:15 13:15 13:30 | \\ \\ \\  \\  L1  L15 U16",
            "lower-school-bedfordshire | Nursery           | AM | 08:45 09:00 09:15 09:15 | /  /  /   L15 U16 L15 U16",
            "lower-school-bedfordshire | Nursery           | PM | 12:00 12:00 12:30 12:30 | \\ \\ L15 L30 U31 L30 U31",
            "lower-school-bedfordshire | Reception and KS1 | AM | 08:45 08:45 09:15 09:15 | /  /  L15 L30 U31 L30 U31",
            "lower-school-bedfordshire | Reception and KS1 | PM | 12:45 12:45 13:15 13:15 | \\ \\ L15 L30 U31 L30 U31",
            "lower-school-bedfordshire | KS2               | AM | 08:45 08:45 09:15 09:15 | /  /  L15 L30 U31 L30 U31",
            "lower-school-bedfordshire | KS2               | PM | 13:30 13:30 14:00 14:00 | \\ \\ L15 L30 U31 L30 U31");

    record Row(String preset, String group, Session session, List<LocalTime> times, List<String> cells) {
        static Row parse(String line) {
            String[] p = line.split("\\|");
            List<LocalTime> times = List.of(p[3].trim().split("\\s+")).stream().map(LocalTime::parse).toList();
            return new Row(p[0].trim(), p[1].trim(), Session.valueOf(p[2].trim()), times, List.of(p[4].trim().split("\\s+")));
        }
    }

    /** The arrival minute of each column, from the register's own times. */
    static List<LocalTime> minutes(SessionTiming t) {
        LocalTime inside = t.opensAt().plus(Duration.between(t.opensAt(), t.closesAt()).dividedBy(2)).withSecond(0);
        return List.of(t.opensAt().minusMinutes(5), t.opensAt(), inside, t.closesAt(), t.closesAt().plusMinutes(1), t.unauthorisedAfter(),
                t.unauthorisedAfter().plusMinutes(1));
    }

    static String cell(ArrivalRule.Arrival a) {
        return a.minutesLate() == 0 ? a.code().code() : a.code().code() + a.minutesLate();
    }

    static SessionTiming timing(Row r) {
        PolicyPreset preset = PolicyPresets.byKey(r.preset()).orElseThrow();
        return preset.registerGroups().stream().filter(g -> g.name().equals(r.group())).findFirst().orElseThrow().timing(r.session());
    }

    @Test
    void everyPresetsRegistersGiveTheTabledCodeAtEachBoundaryMinute() {
        for (String line : TABLE) {
            Row r = Row.parse(line);
            SessionTiming t = timing(r);
            assertThat(List.of(t.opensAt(), t.lateAfter(), t.closesAt(), t.unauthorisedAfter())).as(line).isEqualTo(r.times());
            List<String> got = minutes(t).stream().map(m -> cell(ArrivalRule.judge(r.session(), t, m))).toList();
            assertThat(got).as(r.preset() + " " + r.group() + " " + r.session() + " at " + minutes(t)).isEqualTo(r.cells());
        }
    }

    @Test
    void theTableCoversEveryRegisterGroupOfEveryPresetMorningAndAfternoon() {
        List<String> expected = new ArrayList<>();
        for (PolicyPreset p : PolicyPresets.all()) {
            for (RegisterGroupTimings g : p.registerGroups()) {
                for (Session s : Session.values()) {
                    expected.add(p.key() + "|" + g.name() + "|" + s);
                }
            }
        }
        assertThat(TABLE.stream().map(Row::parse).map(r -> r.preset() + "|" + r.group() + "|" + r.session()).toList()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void copnorArrivalAtTenToNineIsPresentAndAtQuarterPastIsStillLate() {
        SessionTiming am = timing(Row.parse(TABLE.get(6)));
        assertThat(ArrivalRule.judge(Session.AM, am, LocalTime.of(8, 50)).code().code()).isEqualTo("/");
        assertThat(ArrivalRule.judge(Session.AM, am, LocalTime.of(9, 15)).code().code()).isEqualTo("L");
    }

    @Test
    void aSecondAfterTheUTimeIsUAndAPartMinuteCountsAsAWholeOne() {
        SessionTiming am = timing(Row.parse(TABLE.get(6)));
        assertThat(ArrivalRule.judge(Session.AM, am, LocalTime.of(9, 15, 1))).isEqualTo(new ArrivalRule.Arrival(ArrivalRule.Kind.UNAUTHORISED_LATE, CodeCatalogue.current("U"), 16));
        assertThat(ArrivalRule.judge(Session.AM, am, LocalTime.of(9, 0, 10))).isEqualTo(new ArrivalRule.Arrival(ArrivalRule.Kind.LATE, CodeCatalogue.current("L"), 1));
    }

    @Test
    void theRegisterIsOpenFromItsOpeningUpToAndIncludingItsClosingMinute() {
        SessionTiming am = timing(Row.parse(TABLE.get(6)));
        assertThat(ArrivalRule.state(am, LocalTime.of(8, 44, 59))).isEqualTo(ArrivalRule.RegisterState.NOT_OPEN_YET);
        assertThat(ArrivalRule.state(am, LocalTime.of(8, 45))).isEqualTo(ArrivalRule.RegisterState.OPEN);
        assertThat(ArrivalRule.state(am, LocalTime.of(9, 0))).isEqualTo(ArrivalRule.RegisterState.OPEN);
        assertThat(ArrivalRule.state(am, LocalTime.of(9, 0, 1))).isEqualTo(ArrivalRule.RegisterState.CLOSED);
    }

    /** The table as markdown, one per preset, for the closing note. */
    public static void main(String[] args) {
        Map<String, List<Row>> byPreset = new TreeMap<>();
        TABLE.stream().map(Row::parse).forEach(r -> byPreset.computeIfAbsent(r.preset(), k -> new ArrayList<>()).add(r));
        byPreset.forEach((preset, rows) -> {
            System.out.println("\n**" + preset + "** (" + PolicyPresets.byKey(preset).orElseThrow().source() + ")\n");
            System.out.println("| group | session | opens / late after / closes / U after | " + String.join(" | ", COLUMNS) + " |");
            System.out.println("|---|---|---|" + "---|".repeat(COLUMNS.size()));
            for (Row r : rows) {
                SessionTiming t = timing(r);
                List<LocalTime> m = minutes(t);
                StringBuilder b = new StringBuilder("| " + r.group() + " | " + r.session() + " | " + t.opensAt() + " / " + t.lateAfter() + " / " + t.closesAt()
                        + " / " + t.unauthorisedAfter() + " |");
                for (int i = 0; i < m.size(); i++) {
                    b.append(" ").append(m.get(i)).append(" `").append(cell(ArrivalRule.judge(r.session(), t, m.get(i)))).append("` |");
                }
                System.out.println(b);
            }
        });
    }
}
