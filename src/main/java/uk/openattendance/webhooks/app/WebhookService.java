package uk.openattendance.webhooks.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.webhooks.app.WebhookViews.Delivery;
import uk.openattendance.webhooks.app.WebhookViews.Subscribe;
import uk.openattendance.webhooks.app.WebhookViews.Subscription;
import uk.openattendance.webhooks.domain.WebhookEvent;
import uk.openattendance.webhooks.persistence.WebhookStore.DeliveryRow;
import uk.openattendance.webhooks.persistence.WebhookStore.SubscriptionRow;
import uk.openattendance.webhooks.persistence.WebhookStore;

/**
 * Integrators' subscriptions, and the events queued for them. Payloads carry ids and links, never a child's name: an
 * integrator fetches the details with its own API key, under the same access rules as every other call.
 */
@Singleton
public class WebhookService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final WebhookStore store;
    private final ObjectMapper json;
    private final Clock clock;
    private final WebhookDestinations destinations;

    public WebhookService(WebhookStore store, ObjectMapper json, Clock clock, WebhookDestinations destinations) {
        this.store = store;
        this.destinations = destinations;
        this.json = json;
        this.clock = clock;
    }

    public Subscription subscribe(Actor actor, long schoolId, @Valid Subscribe command) {
        actor.require(Permission.SCHOOL_ADMIN, schoolId, "School", schoolId);
        destinations.problem(command.url()).ifPresent(expected -> {
            throw DomainProblem.field(WebhookProblem.SUBSCRIPTION_NOT_VALID, "url", expected);
        });
        List<String> events = command.events().stream().distinct().toList();
        for (String e : events) {
            if (WebhookEvent.fromWireName(e).isEmpty()) {
                throw DomainProblem.field(WebhookProblem.SUBSCRIPTION_NOT_VALID, "events", "one or more of "
                        + Arrays.stream(WebhookEvent.values()).map(WebhookEvent::wireName).toList() + ", not '" + e + "'");
            }
        }
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String secret = "whsec_" + HexFormat.of().formatHex(raw);
        SubscriptionRow row = new SubscriptionRow(0, schoolId, command.url().trim(), String.join(",", events), secret, command.description(), true,
                actor.describeIn(schoolId), clock.instant());
        long id = store.insertSubscription(row);
        return new Subscription(id, row.url(), events, row.description(), true, secret, row.createdBy(), row.createdAt(), schoolId);
    }

    public List<Subscription> subscriptions(Actor actor, long schoolId) {
        actor.require(Permission.SCHOOL_ADMIN, schoolId, "School", schoolId);
        return store.subscriptions(schoolId).stream().map(WebhookService::masked).toList();
    }

    /** One subscription of {@link #subscriptions}, its secret masked as there; another school's is not found. */
    public Subscription subscription(Actor actor, long schoolId, long id) {
        actor.require(Permission.SCHOOL_ADMIN, schoolId, "School", schoolId);
        return masked(found(schoolId, id));
    }

    public Subscription deactivate(Actor actor, long schoolId, long id) {
        actor.require(Permission.SCHOOL_ADMIN, schoolId, "School", schoolId);
        found(schoolId, id);
        store.deactivate(schoolId, id);
        return masked(found(schoolId, id));
    }

    public List<Delivery> deliveries(Actor actor, long schoolId, long id) {
        actor.require(Permission.SCHOOL_ADMIN, schoolId, "School", schoolId);
        found(schoolId, id);
        return store.deliveries(schoolId, id, 200).stream().map(WebhookService::view).toList();
    }

    /**
     * Queues an event for every subscriber, inside the caller's transaction: the event and its deliveries commit or
     * roll back together. {@code key} names the occurrence, so the same occurrence is never queued twice.
     */
    void publish(long schoolId, WebhookEvent event, String key, Map<String, Object> data) {
        String eventId = UUID.nameUUIDFromBytes((event.wireName() + ":" + schoolId + ":" + key).getBytes(StandardCharsets.UTF_8)).toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("type", event.wireName());
        body.put("occurredAt", clock.instant().toString());
        body.put("schoolId", schoolId);
        body.put("data", data);
        try {
            store.enqueue(schoolId, event.wireName(), eventId, json.writeValueAsString(body), clock.instant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A webhook payload could not be written as JSON", e);
        }
    }

    private SubscriptionRow found(long schoolId, long id) {
        return store.subscription(schoolId, id).orElseThrow(() -> new DomainProblem(WebhookProblem.NOT_FOUND, "No webhook subscription " + id
                + " at this school"));
    }

    private static Subscription masked(SubscriptionRow s) {
        return new Subscription(s.id(), s.url(), List.of(s.events().split(",")), s.description(), s.active(), "…" + s.secret().substring(
                s.secret().length() - 4), s.createdBy(), s.createdAt(), s.schoolId());
    }

    private static Delivery view(DeliveryRow d) {
        return new Delivery(d.id(), d.eventType(), d.eventId(), d.status().name(), d.attempts(), d.nextAttemptAt(), d.lastStatusCode(), d.lastError(),
                d.deliveredAt(), d.createdAt(), d.payload());
    }
}
