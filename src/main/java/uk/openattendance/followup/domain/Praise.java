package uk.openattendance.followup.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.notify.domain.Recipients;
import uk.openattendance.register.domain.Figures;
import uk.openattendance.register.domain.RegisterGaps;
import uk.openattendance.school.domain.ContactRouting;
import uk.openattendance.school.domain.DateWindow;
import uk.openattendance.school.domain.SchoolCalendar;

/**
 * Who is praised. Policy 004: "Half termly praise texts to parents for excellent (98+%) and outstanding (100%)
 * attendance"; policy 003: "All children with 100% attendance in a week ..." and "100% Attendance certificates awarded
 * at the end of each academic term"; policy 001: "Acknowledgment will be given to those who have flourished ... because
 * of improved attendance". Only a pupil with a mark for every session owed may be praised (issue 12, item 9).
 */
public final class Praise {
    private Praise() {}

    public record PupilFigures(long pupilId, Figures figures) {}

    /** The pupils who may be praised, and in words those who may not because registers were never taken. */
    public record Complete(List<PupilFigures> rows, String skipped) {}

    /** This half term's figures beside the half term before's attendance. */
    public record Improvement(PupilFigures now, BigDecimal before) {
        public BigDecimal up() {
            return now.figures().attendancePercent().subtract(before);
        }
    }

    /**
     * "Untaken registers are not 100% attendance": figures count marks, so a register never taken would otherwise read
     * as a session attended. Pupils with any gap in {@code gaps} are left out, named by the registers they lack.
     */
    public static Complete everyRegisterTaken(List<PupilFigures> rows, Map<Long, List<RegisterGaps.Slot>> gaps) {
        List<PupilFigures> kept = new ArrayList<>();
        TreeSet<RegisterGaps.Slot> lacking = new TreeSet<>(RegisterGaps.Slot.ORDER);
        int skipped = 0;
        for (PupilFigures r : rows) {
            List<RegisterGaps.Slot> g = gaps.get(r.pupilId());
            if (g == null) {
                kept.add(r);
            } else {
                skipped++;
                lacking.addAll(g);
            }
        }
        if (skipped == 0) {
            return new Complete(kept, "");
        }
        List<String> days = lacking.stream().limit(6).map(s -> Wording.DAY.format(s.date()) + " " + s.session()).toList();
        return new Complete(kept, " " + skipped + " pupil(s) skipped: registers not taken on " + String.join(", ", days)
                + (lacking.size() > days.size() ? " and " + (lacking.size() - days.size()) + " more session(s)" : "") + ".");
    }

    /** Pupils with sessions owed and a percentage to judge. */
    public static List<PupilFigures> withFigures(List<PupilFigures> rows) {
        return rows.stream().filter(r -> r.figures().possibleSessions() > 0 && r.figures().attendancePercent() != null).toList();
    }

    /** "outstanding (100%)": every possible session attended. */
    public static List<PupilFigures> outstanding(List<PupilFigures> rows) {
        return rows.stream().filter(r -> r.figures().attended() == r.figures().possibleSessions()).toList();
    }

    /** "excellent (98+%)": at or above the school's threshold, short of 100% (those are outstanding instead). */
    public static List<PupilFigures> excellent(List<PupilFigures> rows, BigDecimal from) {
        return rows.stream().filter(r -> r.figures().attended() < r.figures().possibleSessions())
                .filter(r -> r.figures().attendancePercent().compareTo(from) >= 0).toList();
    }

    /** Up by at least {@code points} on the half term before; a pupil with no figures then is not compared. */
    public static List<Improvement> improved(List<PupilFigures> thisHalf, Map<Long, BigDecimal> before, BigDecimal points) {
        return thisHalf.stream().filter(r -> before.containsKey(r.pupilId())).map(r -> new Improvement(r, before.get(r.pupilId())))
                .filter(i -> i.up().compareTo(points) >= 0).toList();
    }

    /** The latest half term that ended before {@code current} began. */
    public static Optional<DateWindow> halfTermBefore(SchoolCalendar calendar, DateWindow current) {
        return calendar.terms().stream().flatMap(t -> t.halfTerms().stream()).filter(h -> h.to().isBefore(current.from()))
                .max(Comparator.comparing(DateWindow::to));
    }

    /** One message per praised child and contact the routing names, once per occasion ("week 2026-11-27", "half term ..."). */
    public static List<Message> messages(MessagePurpose purpose, String occasion, String window, Map<Long, PupilFigures> praised, List<Child> children,
            Map<Long, List<Recipients.Contact>> contacts, ContactRouting routing) {
        List<Message> out = new ArrayList<>();
        for (Child c : children) {
            BigDecimal pct = praised.get(c.id()).figures().attendancePercent();
            for (Recipients.Plan plan : Recipients.route(routing, contacts.getOrDefault(c.id(), List.of()))) {
                out.add(new Message(purpose, occasion + ":pupil " + c.id(), false, plan,
                        Map.of("children", Wording.children(List.of(c)), "percent", pct.toPlainString(), "window", window), List.of(c.id())));
            }
        }
        return out;
    }

    public static List<Message> improvementMessages(LocalDate date, Map<Long, Improvement> improved, List<Child> children,
            Map<Long, List<Recipients.Contact>> contacts, ContactRouting routing) {
        List<Message> out = new ArrayList<>();
        for (Child c : children) {
            Improvement i = improved.get(c.id());
            for (Recipients.Plan plan : Recipients.route(routing, contacts.getOrDefault(c.id(), List.of()))) {
                out.add(new Message(MessagePurpose.PRAISE_IMPROVEMENT, "half term " + date + ":pupil " + c.id(), false, plan,
                        Map.of("children", Wording.children(List.of(c)), "percent", i.now().figures().attendancePercent().toPlainString(),
                                "points", i.up().stripTrailingZeros().toPlainString()), List.of(c.id())));
            }
        }
        return out;
    }

    public static String outcome(MessagePurpose purpose, int pupils, int queued) {
        return pupils + " pupil(s) for " + purpose.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + queued + " message(s) queued.";
    }
}
