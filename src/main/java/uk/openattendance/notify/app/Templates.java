package uk.openattendance.notify.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.notify.domain.MessageTemplate;
import uk.openattendance.notify.domain.SmsSegments;
import uk.openattendance.notify.persistence.OutboxStore;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.problem.FieldError;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;

/** Each school's wording of every message, falling back to ours; shown with the SMS segments a typical text costs. */
@Singleton
public class Templates {
    private final OutboxStore store;
    private final Clock clock;

    public Templates(OutboxStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record TemplateView(MessagePurpose purpose, String subject, String body, boolean schoolWording, String example, String encoding,
            int smsSegments, String updatedBy) {}

    public record SaveTemplate(String subject, String body) {}

    /** Sample values for showing what a parent reads and how many segments it costs. */
    static final Map<String, String> EXAMPLE = Map.ofEntries(Map.entry("children", "Amelia Testpupil"), Map.entry("school", "Example Primary"),
            Map.entry("schoolPhone", "01632 960000"), Map.entry("date", "Mon 23 Nov"), Map.entry("session", "morning"),
            Map.entry("minutesLate", "12"), Map.entry("code", "481 326"), Map.entry("percent", "98.5"), Map.entry("window", "half term"),
            Map.entry("points", "4"), Map.entry("reply", "We hope they feel better soon."), Map.entry("contactName", "Sam Testparent"));

    public List<TemplateView> templates(Actor actor, long schoolId) {
        actor.require(Permission.SCHOOL_READ, schoolId, "School", schoolId);
        Map<String, OutboxStore.TemplateRow> own = store.templates(schoolId).stream().collect(Collectors.toMap(OutboxStore.TemplateRow::purpose, r -> r));
        return Arrays.stream(MessagePurpose.values()).map(p -> {
            OutboxStore.TemplateRow row = own.get(p.name());
            MessageTemplate t = row == null ? MessageTemplate.standard(p) : new MessageTemplate(p, row.subject(), row.body());
            return view(t, row != null, row == null ? null : row.updatedBy());
        }).toList();
    }

    public TemplateView save(Actor actor, long schoolId, MessagePurpose purpose, SaveTemplate command) {
        actor.require(Permission.SCHOOL_ADMIN, schoolId, "School", schoolId);
        if (command == null || command.body() == null) {
            throw DomainProblem.field(NotifyProblem.TEMPLATE_NOT_VALID, "body", "the wording of the message");
        }
        MessageTemplate t = new MessageTemplate(purpose, command.subject(), command.body());
        List<String> problems = t.problems();
        if (command.body().length() > 1000 || (command.subject() != null && command.subject().length() > 200)) {
            problems = new java.util.ArrayList<>(problems);
            problems.add("a body of at most 1000 characters and a subject of at most 200");
        }
        if (!problems.isEmpty()) {
            throw new DomainProblem(NotifyProblem.TEMPLATE_NOT_VALID, "The wording cannot be used: " + problems.get(0),
                    problems.stream().map(p -> new FieldError("body", p)).toList());
        }
        String by = actor.describeIn(schoolId);
        store.saveTemplate(schoolId, purpose.name(), command.subject(), command.body(), by, clock.instant());
        return view(t, true, by);
    }

    public TemplateView reset(Actor actor, long schoolId, MessagePurpose purpose) {
        actor.require(Permission.SCHOOL_ADMIN, schoolId, "School", schoolId);
        store.deleteTemplate(schoolId, purpose.name());
        return view(MessageTemplate.standard(purpose), false, null);
    }

    /** The template a message of this purpose uses at this school now. */
    MessageTemplate templateFor(long schoolId, MessagePurpose purpose) {
        // read afresh each time, never kept: a batch of messages asks once per purpose (Outbox.enqueue), so keeping the
        // wording would save one indexed read per batch and be wrong on the other replicas after a save (issue 14)
        return store.templates(schoolId).stream().filter(r -> r.purpose().equals(purpose.name())).findFirst()
                .map(r -> new MessageTemplate(purpose, r.subject(), r.body())).orElse(MessageTemplate.standard(purpose));
    }

    private static TemplateView view(MessageTemplate t, boolean own, String by) {
        String example = t.render(EXAMPLE).body();
        SmsSegments.Count count = SmsSegments.of(example);
        return new TemplateView(t.purpose(), t.subject(), t.body(), own, example, count.encoding(), count.segments(), by);
    }
}
