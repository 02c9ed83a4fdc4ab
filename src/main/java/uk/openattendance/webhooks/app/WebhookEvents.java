package uk.openattendance.webhooks.app;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.openattendance.leave.app.LeaveDecided;
import uk.openattendance.letters.app.LettersSent;
import uk.openattendance.webhooks.domain.WebhookEvent;

/** Turns the features' own events into webhook deliveries, inside the transaction that caused them. */
@Singleton
class WebhookEvents {
    private final WebhookService webhooks;

    WebhookEvents(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @EventListener
    void onLeaveDecided(LeaveDecided e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("leaveRequestId", e.requestId());
        data.put("pupilId", e.pupilId());
        data.put("status", e.status());
        data.put("href", "/api/v1/schools/" + e.schoolId() + "/leave-requests/" + e.requestId());
        webhooks.publish(e.schoolId(), WebhookEvent.LEAVE_DECIDED, "leave:" + e.requestId(), data);
    }

    @EventListener
    void onLettersSent(LettersSent e) {
        for (LettersSent.Sent letter : e.letters()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("letterId", letter.letterId());
            data.put("pupilId", letter.pupilId());
            data.put("kind", letter.kind());
            data.put("delivery", e.delivery());
            data.put("href", "/api/v1/schools/" + e.schoolId() + "/letters/" + letter.letterId());
            webhooks.publish(e.schoolId(), WebhookEvent.LETTER_SENT, "letter:" + letter.letterId(), data);
        }
    }
}
