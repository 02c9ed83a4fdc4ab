package uk.openattendance.absence.app;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import uk.openattendance.absence.domain.ReportCategory;
import uk.openattendance.absence.domain.ReportChannel;
import uk.openattendance.absence.domain.reply.ChildOutcome;
import uk.openattendance.absence.domain.reply.ReaderSettings;
import uk.openattendance.absence.domain.reply.ReplyReader;
import uk.openattendance.absence.domain.reply.ReplyReading;
import uk.openattendance.absence.domain.reply.ReviewReason;
import uk.openattendance.absence.domain.reply.RollChild;
import uk.openattendance.notify.app.InboundHandler;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.register.app.MarkView;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.ContactView;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.school.app.CalendarService;
import uk.openattendance.school.domain.ReplyRules;
import uk.openattendance.school.domain.SchoolCalendar;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Purpose;
import uk.openattendance.security.SchoolScope;

/**
 * A parent's reply: matched to their contact record by number, threaded to the school that texted them today (or the
 * one school their children attend), and read child by child. Each child's reading is acted on alone: a code the
 * reader may apply becomes an absence report for that child (N marks updated as an amendment by the system, reason
 * "Parent reply"), a late arrival a late report, anything else nothing. If any part of the reply is for a person, the
 * text also goes to the office's queue with the reasons and each child's suggestion, and the family is told that a
 * member of the office will read it (never that a holiday or anything else only a person decides was accepted).
 */
@Singleton
class SmsReplyHandler implements InboundHandler {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

    private final ContactService contacts;
    private final PupilService pupils;
    private final RegisterService registers;
    private final AbsenceService absences;
    private final Outbox outbox;
    private final SchoolDay schoolDay;
    private final CalendarService calendars;

    SmsReplyHandler(ContactService contacts, PupilService pupils, RegisterService registers, AbsenceService absences, Outbox outbox, SchoolDay schoolDay,
            CalendarService calendars) {
        this.contacts = contacts;
        this.pupils = pupils;
        this.registers = registers;
        this.absences = absences;
        this.outbox = outbox;
        this.schoolDay = schoolDay;
        this.calendars = calendars;
    }

    /** Children whose reading is the same are reported together, as one family report. */
    private record Group(ReportCategory category, String code, LocalDate first, LocalDate last, Session lastSession, LocalDate expectedReturn) {}

    @Override
    public Outcome handle(Text text) {
        // the text names no school: the number says which schools it is a contact at, and each is then read in its own scope
        Map<Long, List<ContactView>> linksBySchool = new LinkedHashMap<>();
        // sent to a school's (or trust's) own number: only contacts of that school (or the trust's schools) are the sender
        for (long school : contacts.schoolsOfMobile(text.from()).stream().filter(s -> text.among() == null || text.among().contains(s)).toList()) {
            List<ContactView> there = contacts.contactsWithMobile(SchoolScope.forJob(Purpose.SMS_REPLY, school), text.from()).stream()
                    .filter(c -> !c.noContact()).toList();
            if (!there.isEmpty()) {
                linksBySchool.put(school, there);
            }
        }
        if (linksBySchool.isEmpty()) {
            return Outcome.review(null, null, "unknown sender", Review.of(ReviewReason.UNKNOWN_SENDER.label(), ReviewReason.UNKNOWN_SENDER.why()),
                    "Thank you for your message. We could not match this number to a pupil; please call your child's school.");
        }
        long schoolId = schoolFor(linksBySchool.keySet(), outbox.schoolsThatTexted(text.from(), MessagePurpose.FIRST_DAY_ABSENCE));
        SchoolScope scope = SchoolScope.forJob(Purpose.SMS_REPLY, schoolId);
        List<Outbox.Sent> recent = outbox.sentTo(scope, text.from(), MessagePurpose.FIRST_DAY_ABSENCE);
        List<ContactView> here = linksBySchool.get(schoolId);
        ContactView who = here.get(0);
        LocalDate today = schoolDay.of(schoolId).now().toLocalDate();
        Map<Long, PupilView> children = new LinkedHashMap<>();
        pupils.pupilsByIds(scope, here.stream().map(ContactView::pupilId).distinct().toList()).stream().filter(p -> p.onRollOn(today))
                .sorted(Comparator.comparing(PupilView::legalForename)).forEach(p -> children.put(p.id(), p));
        Set<Long> texted = recent.stream().filter(s -> today.equals(s.aboutDate()))
                .flatMap(s -> s.pupilIds().stream()).collect(Collectors.toSet());
        Map<Long, MarkView> marks = registers.currentMarks(scope, today, Session.AM, children.keySet());
        List<RollChild> roll = children.values().stream().map(p -> new RollChild(p.id(), p.legalForename(), p.preferredForename(), sex(p.sex()),
                texted.contains(p.id()) || (marks.containsKey(p.id()) && "N".equals(marks.get(p.id()).code())))).toList();
        Map<Long, RollChild> rollById = roll.stream().collect(Collectors.toMap(RollChild::pupilId, c -> c));

        SchoolCalendar calendar = calendars.calendar(scope);
        ReplyRules rules = schoolDay.policy(schoolId).replies();
        ReaderSettings settings = new ReaderSettings(rules.selfCertificationSchoolDays(), rules.confidenceToApply().doubleValue());
        ReplyReading reading = ReplyReader.read(text.body(), roll, today, calendar, settings);

        Set<ReviewReason> reasons = EnumSet.noneOf(ReviewReason.class);
        reasons.addAll(reading.reviews());
        Map<Group, List<Long>> groups = new LinkedHashMap<>();
        Map<Long, LocalDate> appliedThrough = new LinkedHashMap<>();
        for (ReplyReading.ChildReading c : reading.children()) {
            RollChild child = rollById.get(c.pupilId());
            if (child == null) {
                continue; // the reader answers for the roll it was given; anything else is not ours to code
            }
            if (c.outcome() instanceof ChildOutcome.Coded coded && coded.applies()) {
                LocalDate through = coded.applyThrough().get();
                Optional<ReportCategory> category = category(coded.code());
                if (!child.markedAbsent()) {
                    // never an absence code for a child the register does not have as absent, whatever the reader said
                    reasons.add(ReviewReason.PRESENT_CHILD_NAMED);
                } else if (c.confidence() < settings.confidenceToApply() || category.isEmpty() || through.isBefore(coded.firstDay())
                        || through.isAfter(today.plusDays(AbsenceService.MAX_DAYS_AHEAD)) || coded.firstDay().isBefore(today.minusDays(AbsenceService.MAX_DAYS_BACK))) {
                    reasons.add(ReviewReason.UNCLEAR);
                } else {
                    boolean whole = !through.isBefore(coded.lastDay());
                    // a family's "back on Wednesday" is kept only when the whole absence is applied: otherwise the days after
                    // the applied ones are the office's to chase, and no expected return may quiet the chain for them
                    Group g = new Group(category.get(), coded.code(), coded.firstDay(), through, whole ? coded.lastSession() : Session.PM,
                            whole && coded.expectedReturn() != null && coded.expectedReturn().isAfter(through) ? coded.expectedReturn() : null);
                    groups.computeIfAbsent(g, k -> new ArrayList<>()).add(c.pupilId());
                    appliedThrough.put(c.pupilId(), through);
                }
            } else if (c.outcome() instanceof ChildOutcome.Late) {
                groups.computeIfAbsent(new Group(ReportCategory.LATE_ARRIVAL, null, today, today, Session.AM, null), k -> new ArrayList<>()).add(c.pupilId());
                appliedThrough.put(c.pupilId(), today);
            }
        }
        String by = "Parent reply from " + who.name() + " (" + who.relationship() + ")";
        groups.forEach((g, ids) -> absences.reportFromFamily(scope, new ReportAbsence(ids, g.first(), Session.AM, g.last(), g.lastSession(), g.expectedReturn(),
                g.category(), reason(text.body()), false, who.contactId()), ReportChannel.SMS_REPLY, by, text.id()));

        List<Suggestion> suggestions = new ArrayList<>();
        for (ReplyReading.ChildReading c : reading.children()) {
            PupilView p = children.get(c.pupilId());
            if (p != null && !(c.outcome() instanceof ChildOutcome.NotAbsent)) {
                suggestions.add(suggestion(p, c.outcome(), appliedThrough.get(c.pupilId()), today));
            } else if (p != null && reading.reviews().contains(ReviewReason.PRESENT_CHILD_NAMED) && c.clause() != null && !c.clause().isBlank()) {
                // the family wrote about a child the register has in school: the office must see that child in the queue,
                // since only a person can tell a wrong register from a wrong name
                suggestions.add(suggestion(p, new ChildOutcome.ForPerson("the register has this child in school"), null, today));
            }
        }
        String described = suggestions.isEmpty() ? "nothing to record" : suggestions.stream().map(Suggestion::summary).collect(Collectors.joining("; "));
        Review review = reasons.isEmpty() ? null : new Review(reasons.stream()
                .map(r -> new Reason(r.label(), r.why(), r.urgent())).toList(), suggestions);
        boolean actioned = !groups.isEmpty();
        if (!actioned && review == null) {
            // nothing to record and nothing for a person is still something a person should see
            review = new Review(List.of(new Reason(ReviewReason.UNCLEAR.label(), ReviewReason.UNCLEAR.why(), false)), suggestions);
        }
        String reply;
        if (!actioned) {
            reply = outbox.render(scope, MessagePurpose.REPLY_REVIEW, Map.of(), who.contactId());
        } else {
            String line = thanks(groups, children, today);
            if (review != null) {
                line = (line.isEmpty() ? "" : line + " ") + "A member of the office will read the rest of your message shortly and call if we need to.";
            }
            reply = outbox.render(scope, MessagePurpose.REPLY_THANKS, Map.of("reply", line), who.contactId());
        }
        return new Outcome(schoolId, who.contactId(), actioned, review, described, reply);
    }

    /** The categories a reply may record by itself; other codes (C, G, ...) are a person's decision. */
    static Optional<ReportCategory> category(String code) {
        return switch (code == null ? "" : code) {
            case "I" -> Optional.of(ReportCategory.ILLNESS);
            case "M" -> Optional.of(ReportCategory.MEDICAL_APPOINTMENT);
            case "R" -> Optional.of(ReportCategory.RELIGIOUS_OBSERVANCE);
            default -> Optional.empty();
        };
    }

    private static RollChild.Sex sex(String census) {
        return census == null ? RollChild.Sex.UNKNOWN : switch (census) {
            case "M" -> RollChild.Sex.MALE;
            case "F" -> RollChild.Sex.FEMALE;
            default -> RollChild.Sex.UNKNOWN;
        };
    }

    /** What the office reads for one child, e.g. "Ayesha: G until 27 Nov — not applied", "Noah: I today — applied". */
    static Suggestion suggestion(PupilView p, ChildOutcome outcome, LocalDate applied, LocalDate today) {
        String name = called(p);
        if (outcome instanceof ChildOutcome.Coded c) {
            String span = c.lastDay().equals(today) ? "today" : "until " + SHORT.format(c.lastDay());
            String state = applied == null ? "not applied" : !applied.isBefore(c.lastDay()) ? "applied"
                    : "applied through " + (applied.equals(today) ? "today" : SHORT.format(applied));
            return new Suggestion(p.id(), p.displayName(), c.notation(), c.code(), c.firstDay(), c.lastDay(), c.lastSession().name(), c.expectedReturn(), applied,
                    null, name + ": " + c.code() + " " + span + " — " + state);
        }
        String summary;
        if (outcome instanceof ChildOutcome.Late) {
            summary = name + ": late — " + (applied == null ? "not recorded" : "recorded");
        } else if (outcome instanceof ChildOutcome.ForPerson f) {
            summary = name + ": for a person — " + f.why();
        } else if (outcome instanceof ChildOutcome.Unexplained) {
            summary = name + ": unexplained";
        } else {
            summary = name + ": " + outcome.notation();
        }
        return new Suggestion(p.id(), p.displayName(), outcome.notation(), null, null, null, null, null, applied, null, summary);
    }

    /** The school that last texted this number about an absence; otherwise the first school the sender is a contact at. */
    private static long schoolFor(Set<Long> schools, List<Long> textedBy) {
        return textedBy.stream().filter(schools::contains).findFirst().orElse(schools.iterator().next());
    }

    /** Thanks for what was recorded, one sentence per kind; nothing is said about what a person will decide. */
    private static String thanks(Map<Group, List<Long>> groups, Map<Long, PupilView> children, LocalDate today) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Group, List<Long>> e : groups.entrySet()) {
            Group g = e.getKey();
            List<PupilView> named = e.getValue().stream().map(children::get).toList();
            String names = names(named);
            lines.add(switch (g.category()) {
                case ILLNESS -> "We hope " + names + " feel" + (named.size() == 1 ? "s" : "") + " better soon"
                        + (g.last().isAfter(today) ? "; we have noted the absence until " + DAY.format(g.last()) + "." : ".");
                case MEDICAL_APPOINTMENT -> "Please bring the appointment card or letter to the office.";
                case RELIGIOUS_OBSERVANCE -> "We have noted the day of religious observance.";
                case LATE_ARRIVAL -> "Please sign " + names + " in at the office on arrival.";
                case OTHER -> "";
            });
        }
        return String.join(" ", lines.stream().filter(l -> !l.isEmpty()).distinct().toList());
    }

    /** The family's words as a report keeps them (at most 1000 characters). */
    static String reason(String body) {
        String s = body == null || body.isBlank() ? "(empty text)" : body.strip();
        return s.length() > 1000 ? s.substring(0, 999) + "…" : s;
    }

    private static String called(PupilView p) {
        return p.preferredForename() != null ? p.preferredForename() : p.legalForename();
    }

    private static String names(List<PupilView> ps) {
        List<String> first = ps.stream().map(SmsReplyHandler::called).toList();
        return first.size() == 1 ? first.get(0) : String.join(", ", first.subList(0, first.size() - 1)) + " and " + first.get(first.size() - 1);
    }
}
