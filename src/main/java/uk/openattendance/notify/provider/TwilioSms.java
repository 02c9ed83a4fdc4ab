package uk.openattendance.notify.provider;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;
import uk.openattendance.notify.app.MessageSink;
import uk.openattendance.notify.app.SendFailure;
import uk.openattendance.notify.domain.OutgoingMessage;
import uk.openattendance.school.app.SmsSenders;

/** Texts through the Twilio SDK, from a number or a Messaging Service, with a status callback for delivery receipts. */
@Singleton
@Requires(property = "notify.sink", value = "send")
public class TwilioSms {
    private static final int UNSUBSCRIBED = 21610;
    /** How many of a recipient's newest messages are read at most when looking for one. */
    private static final int LOOK_BACK = 500;

    private final TwilioRestClient client;
    private final String from;
    private final String statusCallback;
    private final SmsSenders senders;

    public TwilioSms(SmsSenders senders, @Value("${notify.twilio.account-sid}") String accountSid, @Value("${notify.twilio.auth-token}") String authToken,
            @Value("${notify.twilio.from}") String from, @Value("${notify.twilio.api-base-url}") String apiBaseUrl,
            @Value("${attendance.public-base-url}") String publicBaseUrl, @Value("${notify.twilio.read-timeout:10s}") java.time.Duration readTimeout,
            java.time.Clock clock) {
        if (accountSid.isBlank() || authToken.isBlank() || from.isBlank()) {
            throw new IllegalStateException("notify.sink is 'send' but TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN or TWILIO_FROM is not set");
        }
        this.client = new TwilioRestClient.Builder(accountSid, authToken).httpClient(new DirectTwilioHttpClient(apiBaseUrl, readTimeout, clock)).build();
        this.from = from;
        this.senders = senders;
        this.statusCallback = publicBaseUrl + "/api/v1/webhooks/twilio/status";
    }

    public String send(OutgoingMessage m) throws SendFailure {
        PhoneNumber to = new PhoneNumber(m.to());
        // a school with its own number texts from it, so replies come back addressed to that school
        String from = senders.senderOf(m.schoolId()).orElse(this.from);
        MessageCreator creator = from.startsWith("MG") ? Message.creator(to, from, m.body()) : Message.creator(to, new PhoneNumber(from), m.body());
        creator.setStatusCallback(statusCallback);
        try {
            return creator.create(client).getSid();
        } catch (DirectTwilioHttpClient.NotSent e) {
            throw new SendFailure(e.getMessage(), SendFailure.Kind.NOT_SENT, null, e);
        } catch (ApiConnectionException e) {
            throw SendFailure.unknown(e.getMessage(), e);
        } catch (DirectTwilioHttpClient.RetryLater e) {
            throw SendFailure.retryAfter(e.getMessage(), e.after, e);
        } catch (ApiException e) {
            throw classify(e);
        } catch (RuntimeException e) {
            // an answer the SDK could not read (a 201 with a garbled body, say): Twilio may well have accepted it
            throw SendFailure.unknown("Twilio's answer could not be read: " + e, e);
        }
    }

    /**
     * 4xx: refused for good, with Twilio's error (429 without Retry-After: refused for now, try later). 5xx and an
     * answer without a status: Twilio may have accepted the message before failing, so the outcome is unknown.
     */
    static SendFailure classify(ApiException e) {
        Integer status = e.getStatusCode();
        String what = "Twilio " + (status == null ? "" : status + " ") + (e.getCode() == null ? "" : "error " + e.getCode() + ": ") + e.getMessage();
        if (e.getCode() != null && e.getCode() == UNSUBSCRIBED) {
            return new SendFailure(what, SendFailure.Kind.OPTED_OUT, null, e);
        }
        if (status == null || status >= 500) {
            return SendFailure.unknown(what, e);
        }
        if (status == 429) {
            return new SendFailure(what, SendFailure.Kind.NOT_SENT, null, e);
        }
        return new SendFailure(what, SendFailure.Kind.PERMANENT, null, e);
    }

    /** Twilio has no idempotency key: after a crash we look for the same text to the same number since it was first tried. */
    public Optional<String> findAccepted(OutgoingMessage m, Instant since) {
        MessageSink.Lookup found = lookUp(m, since, Set.of());
        return Optional.ofNullable(found.providerId());
    }

    /**
     * Twilio's Message list for this recipient, newest first, read back to {@code since}: a message with the same body
     * that our outbox has not recorded for another message is this one. The list is filtered by To only: a message still
     * queued at Twilio has no date_sent (a DateSent filter would hide it) and one sent through a Messaging Service has a
     * From we did not choose, so the time window is applied to date_created here.
     */
    public MessageSink.Lookup lookUp(OutgoingMessage m, Instant since, Set<String> recordedElsewhere) {
        try {
            int read = 0;
            for (Message sent : Message.reader().setTo(new PhoneNumber(m.to())).setPageSize(100L).read(client)) {
                ZonedDateTime created = sent.getDateCreated();
                if (created != null && created.toInstant().isBefore(since) || ++read > LOOK_BACK) {
                    break;
                }
                if (sent.getDirection() != Message.Direction.INBOUND && sameText(m.body(), sent.getBody()) && !recordedElsewhere.contains(sent.getSid())) {
                    return MessageSink.Lookup.accepted(sent.getSid());
                }
            }
            return MessageSink.Lookup.NOT_ACCEPTED;
        } catch (RuntimeException e) {
            return MessageSink.Lookup.cannotTell("Twilio's message list could not be read: " + e.getMessage());
        }
    }

    /** Twilio keeps the body as sent; a trial account prefixes its notice. */
    private static boolean sameText(String ours, String theirs) {
        return theirs != null && (theirs.equals(ours) || theirs.endsWith(" - " + ours));
    }
}
