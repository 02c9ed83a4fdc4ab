package uk.openattendance.absence.app;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import uk.openattendance.absence.domain.ReplyReader;
import uk.openattendance.absence.domain.ReportCategory;
import uk.openattendance.absence.domain.ReportChannel;
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
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Purpose;
import uk.openattendance.security.SchoolScope;

/**
 * A parent's reply: matched to their contact record by number, threaded to the school that texted them today (or the
 * one school their children attend), read, and either recorded as an absence report (updating N marks as an amendment
 * by the system, reason "Parent reply") or put in front of the office with a polite holding reply.
 */
@Singleton
class SmsReplyHandler implements InboundHandler {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);

    private final ContactService contacts;
    private final PupilService pupils;
    private final RegisterService registers;
    private final AbsenceService absences;
    private final Outbox outbox;
    private final SchoolDay schoolDay;

    SmsReplyHandler(ContactService contacts, PupilService pupils, RegisterService registers, AbsenceService absences, Outbox outbox, SchoolDay schoolDay) {
        this.contacts = contacts;
        this.pupils = pupils;
        this.registers = registers;
        this.absences = absences;
        this.outbox = outbox;
        this.schoolDay = schoolDay;
    }

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
            return new Outcome(null, null, "REVIEW", "unknown sender", "the number is not a contact of any child on roll",
                    "Thank you for your message. We could not match this number to a pupil; please call your child's school.");
        }
        long schoolId = schoolFor(linksBySchool.keySet(), outbox.schoolsThatTexted(text.from(), MessagePurpose.FIRST_DAY_ABSENCE));
        SchoolScope scope = SchoolScope.forJob(Purpose.SMS_REPLY, schoolId);
        List<Outbox.Sent> recent = outbox.sentTo(scope, text.from(), MessagePurpose.FIRST_DAY_ABSENCE);
        List<ContactView> here = linksBySchool.get(schoolId);
        long contactId = here.get(0).contactId();
        LocalDate today = schoolDay.of(schoolId).now().toLocalDate();
        Map<Long, PupilView> children = new LinkedHashMap<>();
        pupils.pupilsByIds(scope, here.stream().map(ContactView::pupilId).distinct().toList()).stream().filter(p -> p.onRollOn(today))
                .sorted(Comparator.comparing(PupilView::legalForename)).forEach(p -> children.put(p.id(), p));
        Set<Long> texted = recent.stream().filter(s -> today.equals(s.aboutDate()))
                .flatMap(s -> s.pupilIds().stream()).collect(Collectors.toSet());
        Map<Long, MarkView> marks = registers.currentMarks(scope, today, Session.AM, children.keySet());
        List<ReplyReader.Child> candidates = children.values().stream().map(p -> new ReplyReader.Child(p.id(),
                p.preferredForename() != null ? p.preferredForename() : p.legalForename(),
                texted.contains(p.id()) || (marks.containsKey(p.id()) && "N".equals(marks.get(p.id()).code())))).toList();
        ReplyReader.Reading reading = ReplyReader.read(text.body(), candidates, today);
        String described = describe(reading, children);
        if (!reading.confident()) {
            return new Outcome(schoolId, contactId, "REVIEW", described, reading.why(), outbox.render(scope, MessagePurpose.REPLY_REVIEW, Map.of()));
        }
        ContactView who = here.get(0);
        absences.reportFromFamily(scope, new ReportAbsence(reading.pupilIds(), today, Session.AM, reading.lastDate(),
                reading.category() == ReportCategory.LATE_ARRIVAL ? Session.AM : Session.PM, reading.expectedReturn(), reading.category(), text.body().strip(),
                false, contactId), ReportChannel.SMS_REPLY, "Parent reply from " + who.name() + " (" + who.relationship() + ")", text.id());
        List<PupilView> named = reading.pupilIds().stream().map(children::get).toList();
        String names = names(named);
        String line = switch (reading.category()) {
            case ILLNESS -> "We hope " + names + " feel" + (named.size() == 1 ? "s" : "") + " better soon"
                    + (reading.lastDate().isAfter(today) ? "; we have noted the absence until " + DAY.format(reading.lastDate()) + "." : ".");
            case MEDICAL_APPOINTMENT -> "Please bring the appointment card or letter to the office.";
            case RELIGIOUS_OBSERVANCE -> "We have noted the day of religious observance.";
            case LATE_ARRIVAL -> "Please sign " + names + " in at the office on arrival.";
            case OTHER -> "";
        };
        return new Outcome(schoolId, contactId, "ACTIONED", described, null, outbox.render(scope, MessagePurpose.REPLY_THANKS, Map.of("reply", line)));
    }

    /** The school that last texted this number about an absence; otherwise the first school the sender is a contact at. */
    private static long schoolFor(Set<Long> schools, List<Long> textedBy) {
        return textedBy.stream().filter(schools::contains).findFirst().orElse(schools.iterator().next());
    }

    private static String describe(ReplyReader.Reading r, Map<Long, PupilView> children) {
        String who = r.pupilIds().stream().map(id -> children.get(id) == null ? "?" : children.get(id).displayName()).collect(Collectors.joining(", "));
        if (!r.confident()) {
            return "needs a person: " + r.review() + (who.isEmpty() ? "" : " (" + who + ")");
        }
        return r.category() + " for " + who + (r.lastDate() != null && r.category() != ReportCategory.LATE_ARRIVAL ? " until " + r.lastDate() : "")
                + (r.expectedReturn() != null ? ", back " + r.expectedReturn() : "");
    }

    private static String names(List<PupilView> ps) {
        List<String> first = ps.stream().map(p -> p.preferredForename() != null ? p.preferredForename() : p.legalForename()).toList();
        return first.size() == 1 ? first.get(0) : String.join(", ", first.subList(0, first.size() - 1)) + " and " + first.get(first.size() - 1);
    }
}
