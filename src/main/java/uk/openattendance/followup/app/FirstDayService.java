package uk.openattendance.followup.app;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import uk.openattendance.absence.app.AbsenceService;
import uk.openattendance.followup.persistence.FollowUpStore;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.notify.domain.Recipients;
import uk.openattendance.register.app.MarkView;
import uk.openattendance.register.app.MissingRegisters;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.roll.app.ContactView;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.school.domain.FirstDayChain;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Actor;
import uk.openattendance.security.SchoolScope;

/**
 * The first-day response to a child absent without explanation, at the school's own times: one text per family
 * (siblings together, vulnerable children's families first), then the office's call list, then the designated lead.
 * Every step re-reads marks and reports, so a child who has since arrived or been reported drops out.
 */
@Singleton
public class FirstDayService {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);

    private final RegisterService registers;
    private final AbsenceService absences;
    private final PupilService pupils;
    private final FamilyContacts contacts;
    private final Outbox outbox;
    private final SchoolDay schoolDay;
    private final SchoolService schools;
    private final FollowUpStore store;
    private final Clock clock;
    private final MissingRegisters missing;

    public FirstDayService(RegisterService registers, AbsenceService absences, PupilService pupils, FamilyContacts contacts, Outbox outbox,
            SchoolDay schoolDay, SchoolService schools, FollowUpStore store, Clock clock, MissingRegisters missing) {
        this.missing = missing;
        this.registers = registers;
        this.absences = absences;
        this.pupils = pupils;
        this.contacts = contacts;
        this.outbox = outbox;
        this.schoolDay = schoolDay;
        this.schools = schools;
        this.store = store;
        this.clock = clock;
    }

    /** Pupils marked N this morning with no report explaining it, vulnerable first, then by name. */
    public List<PupilView> unexplained(SchoolScope scope, LocalDate date) {
        long schoolId = scope.schoolId();
        List<Long> ns = registers.marksWithCode(scope, "N", date, date).stream().filter(m -> m.session().equals("AM"))
                .map(MarkView::pupilId).toList();
        return stillUnexplained(scope, date, ns);
    }

    /** Of these pupils, those still N this morning and not explained by a report (the re-read before every step). */
    public List<PupilView> stillUnexplained(SchoolScope scope, LocalDate date, Collection<Long> pupilIds) {
        long schoolId = scope.schoolId();
        if (pupilIds.isEmpty()) {
            return List.of();
        }
        Map<Long, MarkView> marks = registers.currentMarks(scope, date, Session.AM, pupilIds);
        Set<Long> explained = absences.explained(scope, date, Session.AM, pupilIds);
        List<Long> left = pupilIds.stream().filter(id -> marks.containsKey(id) && "N".equals(marks.get(id).code()) && !explained.contains(id)).toList();
        return pupils.pupilsByIds(scope, left).stream()
                .sorted(Comparator.comparing((PupilView p) -> !FamilyContacts.needsCare(p)).thenComparing(PupilView::legalSurname)
                        .thenComparing(PupilView::legalForename)).toList();
    }

    /** What one pass of the first text did, and the register groups whose families still wait for their register. */
    public record FirstTexts(String outcome, List<String> waiting) {}

    /** The first text: one per family contact the school's routing names, listing all their children absent unexplained. */
    @Transactional
    public String sendFirstTexts(SchoolScope scope, LocalDate date) {
        return firstTexts(scope, date).outcome();
    }

    /**
     * As {@link #sendFirstTexts}, pass by pass: a child whose group's morning register is not wholly taken is not texted
     * about yet (a forgotten register must never tell a family their child is missing); a later pass, once it is taken,
     * texts those families about the children not texted about before.
     */
    @Transactional
    public FirstTexts firstTexts(SchoolScope scope, LocalDate date) {
        long schoolId = scope.schoolId();
        FirstDayChain chain = schoolDay.policy(schoolId).firstDay();
        List<MissingRegisters.Untaken> untaken = missing.incomplete(scope, date, Session.AM);
        Set<Long> waitingGroups = untaken.stream().map(MissingRegisters.Untaken::registerGroupId).collect(Collectors.toSet());
        List<String> waiting = untaken.stream().map(MissingRegisters.Untaken::describe).toList();
        String wait = waiting.isEmpty() ? "" : "; waiting for the register of " + String.join(", ", waiting) + " (those families are texted once it is taken)";
        Set<Long> texted = outbox.sentAbout(scope, date, MessagePurpose.FIRST_DAY_ABSENCE).stream().flatMap(m -> m.pupilIds().stream())
                .collect(Collectors.toSet());
        List<PupilView> absent = unexplained(scope, date).stream().filter(p -> !waitingGroups.contains(p.registerGroupId()))
                .filter(p -> !texted.contains(p.id())).toList();
        if (absent.isEmpty()) {
            return new FirstTexts((texted.isEmpty() ? "No unexplained absences this morning: no texts." : "No unexplained absences not yet texted about.")
                    + wait, waiting);
        }
        Map<Long, List<ContactView>> byPupil = contacts.of(scope, absent.stream().map(PupilView::id).toList());
        record Family(Recipients.Plan plan, List<PupilView> children) {}
        Map<Long, Family> families = new LinkedHashMap<>();
        List<PupilView> unreachable = new ArrayList<>();
        List<Outbox.Request> requests = new ArrayList<>();
        int socialWorkers = 0;
        for (PupilView p : absent) {
            List<Recipients.Contact> cs = FamilyContacts.recipients(byPupil.getOrDefault(p.id(), List.of()));
            List<Recipients.Plan> plans = Recipients.route(chain.routing(), cs);
            if (plans.isEmpty()) {
                unreachable.add(p);
            }
            for (Recipients.Plan plan : plans) {
                families.computeIfAbsent(plan.first().contactId(), k -> new Family(plan, new ArrayList<>())).children().add(p);
            }
            if (p.characteristics().hasSocialWorker()) {
                for (Recipients.Plan plan : Recipients.socialWorkers(cs)) {
                    requests.add(new Outbox.Request(schoolId, MessagePurpose.SOCIAL_WORKER_ALERT, date + ":pupil " + p.id(), Outbox.URGENT, plan,
                            Map.of("children", p.displayName(), "date", DAY.format(date)), List.of(p.id()), date));
                    socialWorkers++;
                }
            }
        }
        for (Family f : families.values()) {
            boolean care = f.children().stream().anyMatch(FamilyContacts::needsCare);
            // a later pass texts only children not texted about before, under a key of its own so the outbox does not take it for the first
            String key = texted.isEmpty() ? date.toString() : date + ":" + f.children().stream().map(p -> String.valueOf(p.id())).sorted()
                    .collect(Collectors.joining(","));
            requests.add(new Outbox.Request(schoolId, MessagePurpose.FIRST_DAY_ABSENCE, key, care ? Outbox.URGENT : Outbox.NORMAL, f.plan(),
                    Map.of("children", FamilyContacts.names(f.children()), "date", DAY.format(date)), f.children().stream().map(PupilView::id).toList(), date));
        }
        int queued = outbox.enqueue(scope, requests);
        return new FirstTexts(absent.size() + " pupil(s) absent without explanation; " + families.size() + " family text(s) and " + socialWorkers
                + " social-worker alert(s) queued (" + queued + " new)" + (unreachable.isEmpty() ? "" : "; no contact to text for "
                + unreachable.stream().map(PupilView::displayName).collect(Collectors.joining(", ")) + " (on the call list)") + wait, waiting);
    }

    /** At the school's phone time, every child still unexplained goes on the office's call list. */
    @Transactional
    public String openCallList(SchoolScope scope, LocalDate date) {
        long schoolId = scope.schoolId();
        List<PupilView> absent = unexplained(scope, date);
        int opened = store.open(schoolId, absent.stream().map(PupilView::id).toList(), date, clock.instant());
        return absent.isEmpty() ? "Every absent child is explained: no calls needed." : absent.size() + " child(ren) to call about (" + opened + " new on the list)";
    }

    /** Children not yet known to be safe: the designated lead is told by email (once at escalation, once at safe-by). */
    @Transactional
    public String escalate(SchoolScope scope, LocalDate date, String stage) {
        long schoolId = scope.schoolId();
        openCallList(scope, date);
        List<FollowUpStore.CaseRow> open = store.cases(schoolId, date).stream().filter(c -> c.status().equals("CALL") || c.status().equals("ESCALATED"))
                .toList();
        Set<Long> still = new HashSet<>(stillUnexplained(scope, date, open.stream().map(FollowUpStore.CaseRow::pupilId).toList()).stream()
                .map(PupilView::id).toList());
        List<FollowUpStore.CaseRow> notSafe = open.stream().filter(c -> still.contains(c.pupilId())).toList();
        for (FollowUpStore.CaseRow c : open) {
            if (!still.contains(c.pupilId())) {
                store.close(c.id(), "EXPLAINED", "System", "Arrived or reported before " + stage.toLowerCase(Locale.ROOT), null, clock.instant());
            }
        }
        if (notSafe.isEmpty()) {
            return "Every absent child is known to be safe or explained.";
        }
        store.escalate(notSafe.stream().map(FollowUpStore.CaseRow::id).toList(), clock.instant());
        List<PupilView> children = pupils.pupilsByIds(scope, notSafe.stream().map(FollowUpStore.CaseRow::pupilId).toList());
        String lead = leadEmail(scope);
        String names = children.stream().map(p -> p.displayName() + (p.form() == null ? "" : " (" + p.form() + ")") + (FamilyContacts.needsCare(p)
                ? " - vulnerable" : "")).collect(Collectors.joining("; "));
        outbox.enqueue(scope, List.of(new Outbox.Request(schoolId, MessagePurpose.SAFE_BY_ALERT, date + ":" + stage, Outbox.URGENT,
                new Recipients.Plan(new Recipients.Target(0, uk.openattendance.roll.domain.Channel.EMAIL, lead), List.of()),
                Map.of("children", names, "date", DAY.format(date)), children.stream().map(PupilView::id).toList(), date)));
        return notSafe.size() + " child(ren) not yet known to be safe at " + stage.toLowerCase(Locale.ROOT) + ": designated lead (" + lead + ") emailed";
    }

    String leadEmail(SchoolScope scope) {
        long schoolId = scope.schoolId();
        String lead = schoolDay.policy(schoolId).messaging().designatedLeadEmail();
        if (lead != null && !lead.isBlank()) {
            return lead;
        }
        String office = schools.school(scope).email();
        return office == null ? "attendance-lead@example.org" : office;
    }
}
