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
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import uk.openattendance.notify.app.SendFailure;
import uk.openattendance.notify.domain.OutgoingMessage;
import uk.openattendance.school.app.SmsSenders;

/** Texts through the Twilio SDK, from a number or a Messaging Service, with a status callback for delivery receipts. */
@Singleton
@Requires(property = "notify.sink", value = "send")
public class TwilioSms {
    /** Twilio errors that will not change on retry: invalid 'To', unsubscribed recipient, not a mobile, blocked. */
    private static final Set<Integer> PERMANENT = Set.of(21211, 21214, 21610, 21612, 21614, 21408, 30003, 30005, 30006);
    private static final int UNSUBSCRIBED = 21610;

    private final TwilioRestClient client;
    private final String from;
    private final String statusCallback;
    private final SmsSenders senders;

    public TwilioSms(SmsSenders senders, @Value("${notify.twilio.account-sid}") String accountSid, @Value("${notify.twilio.auth-token}") String authToken,
            @Value("${notify.twilio.from}") String from, @Value("${notify.twilio.api-base-url}") String apiBaseUrl,
            @Value("${attendance.public-base-url}") String publicBaseUrl) {
        if (accountSid.isBlank() || authToken.isBlank() || from.isBlank()) {
            throw new IllegalStateException("notify.sink is 'send' but TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN or TWILIO_FROM is not set");
        }
        this.client = new TwilioRestClient.Builder(accountSid, authToken).httpClient(new DirectTwilioHttpClient(apiBaseUrl)).build();
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
        } catch (ApiConnectionException e) {
            throw new SendFailure("Twilio not reached: " + e.getMessage(), true, false, e);
        } catch (ApiException e) {
            Integer status = e.getStatusCode();
            boolean transientFailure = status == null || status == 429 || status >= 500;
            boolean permanent = e.getCode() != null && PERMANENT.contains(e.getCode());
            throw new SendFailure("Twilio " + (status == null ? "" : status + " ") + (e.getCode() == null ? "" : "error " + e.getCode() + ": ")
                    + e.getMessage(), transientFailure && !permanent, e.getCode() != null && e.getCode() == UNSUBSCRIBED, e);
        }
    }

    /** Twilio has no idempotency key: after a crash we look for the same text to the same number since it was first tried. */
    public Optional<String> findAccepted(OutgoingMessage m, Instant since) {
        try {
            for (Message sent : Message.reader().setTo(new PhoneNumber(m.to())).setDateSentAfter(since.minusSeconds(60).atZone(ZoneOffset.UTC))
                    .setPageSize(50L).firstPage(client).getRecords()) {
                if (m.body().equals(sent.getBody())) {
                    return Optional.of(sent.getSid());
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
