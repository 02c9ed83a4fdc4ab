package uk.openattendance.webhooks.app;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.openattendance.absence.app.AbsenceReported;
import uk.openattendance.followup.app.PupilsNotKnownSafe;
import uk.openattendance.leave.app.LeaveDecided;
import uk.openattendance.letters.app.LettersSent;
import uk.openattendance.notify.app.InboundNeedsReview;
import uk.openattendance.notify.app.MessageSettled;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.register.app.MarkChanged;
import uk.openattendance.register.app.MarkListener;
import uk.openattendance.webhooks.domain.WebhookEvent;

/**
 * Turns the features' own events into webhook deliveries, inside the transaction that caused them, so a delivery
 * exists exactly when what it reports committed. Each event's key makes a retried transaction publish it once.
 * Payloads carry ids and links, never a child's or a parent's name.
 */
@Singleton
class WebhookEvents implements MarkListener {
    private final WebhookService webhooks;
    private final Clock clock;

    WebhookEvents(WebhookService webhooks, Clock clock) {
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @EventListener
    void onLeaveDecided(LeaveDecided e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("leaveRequestId", e.requestId());
        data.put("pupilId", e.pupilId());
        data.put("status", e.status());
        data.put("href", school(e.schoolId()) + "/leave-requests/" + e.requestId());
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
            data.put("href", school(e.schoolId()) + "/letters/" + letter.letterId());
            webhooks.publish(e.schoolId(), WebhookEvent.LETTER_SENT, "letter:" + letter.letterId(), data);
        }
    }

    /** register.taken once per group, date and session (its first save); mark.amended for every later change. */
    @Override
    public void marksWritten(List<MarkChanged> changes) {
        Map<String, List<MarkChanged>> registers = new TreeMap<>();
        for (MarkChanged c : changes) {
            if (c.firstMark() && !"IMPORT".equals(c.source())) {
                registers.computeIfAbsent(c.schoolId() + "/" + c.registerGroupId() + "/" + c.date() + "/" + c.session(), k -> new java.util.ArrayList<>()).add(c);
            } else if (!c.firstMark()) {
                amended(c);
            }
        }
        registers.values().forEach(this::taken);
    }

    private void taken(List<MarkChanged> marks) {
        MarkChanged first = marks.get(0);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("registerGroupId", first.registerGroupId());
        data.put("date", first.date().toString());
        data.put("session", first.session());
        data.put("marks", marks.size());
        data.put("source", first.source());
        data.put("href", register(first.schoolId(), first.date(), first.session()) + "&registerGroupId=" + first.registerGroupId());
        webhooks.publish(first.schoolId(), WebhookEvent.REGISTER_TAKEN, "register:" + first.registerGroupId() + ":" + first.date() + ":" + first.session(), data);
    }

    private void amended(MarkChanged c) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("pupilId", c.pupilId());
        data.put("date", c.date().toString());
        data.put("session", c.session());
        data.put("from", c.oldCode());
        data.put("to", c.newCode());
        data.put("source", c.source());
        data.put("href", school(c.schoolId()) + "/pupils/" + c.pupilId() + "/marks?from=" + c.date() + "&to=" + c.date());
        // the same mark may change again later: the moment of this change is part of its identity
        webhooks.publish(c.schoolId(), WebhookEvent.MARK_AMENDED, "mark:" + c.pupilId() + ":" + c.date() + ":" + c.session() + ":" + c.oldCode() + ">"
                + c.newCode() + ":" + clock.millis(), data);
    }

    @EventListener
    void onAbsenceReported(AbsenceReported e) {
        for (AbsenceReported.Report r : e.reports()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("absenceReportId", r.reportId());
            data.put("pupilId", r.pupilId());
            data.put("firstDate", r.firstDate().toString());
            data.put("lastDate", r.lastDate().toString());
            data.put("suggestedCode", r.suggestedCode());
            data.put("channel", e.channel());
            data.put("href", school(e.schoolId()) + "/pupils/" + r.pupilId() + "/absence-reports");
            webhooks.publish(e.schoolId(), WebhookEvent.ABSENCE_REPORTED, "report:" + r.reportId(), data);
        }
    }

    /** Only what was meant for a family: the office's own alerts failing is an operator's matter (the metrics and alerts). */
    @EventListener
    void onMessageSettled(MessageSettled e) {
        if (e.outcome() != MessageSettled.Outcome.FAILED || !purpose(e.purpose()).toFamilies() || purpose(e.purpose()).secret()) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("messageId", e.messageId());
        data.put("channel", e.channel());
        data.put("purpose", e.purpose());
        data.put("pupilIds", e.pupilIds());
        data.put("error", e.error());
        data.put("nextTried", e.nextTried());
        data.put("href", school(e.schoolId()) + "/messages");
        webhooks.publish(e.schoolId(), WebhookEvent.MESSAGE_FAILED, "message:" + e.messageId(), data);
    }

    /** A trust's queue has no school to subscribe at: those texts are for the trust's staff in the service itself. */
    @EventListener
    void onInboundNeedsReview(InboundNeedsReview e) {
        if (e.schoolId() == null) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("inboundMessageId", e.inboundId());
        data.put("urgent", e.urgent());
        data.put("reasons", e.reasons());
        data.put("href", school(e.schoolId()) + "/inbound-messages");
        webhooks.publish(e.schoolId(), WebhookEvent.INBOUND_NEEDS_REVIEW, "inbound:" + e.inboundId(), data);
    }

    @EventListener
    void onPupilsNotKnownSafe(PupilsNotKnownSafe e) {
        for (Long pupilId : e.pupilIds()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("pupilId", pupilId);
            data.put("date", e.date().toString());
            data.put("stage", e.stage());
            data.put("href", school(e.schoolId()) + "/pupils/" + pupilId);
            webhooks.publish(e.schoolId(), WebhookEvent.PUPIL_NOT_KNOWN_SAFE, "not-safe:" + pupilId + ":" + e.date() + ":" + e.stage(), data);
        }
    }

    private static MessagePurpose purpose(String name) {
        return MessagePurpose.valueOf(name);
    }

    private static String school(long schoolId) {
        return "/api/v1/schools/" + schoolId;
    }

    private static String register(long schoolId, LocalDate date, String session) {
        return school(schoolId) + "/registers/" + date + "/" + session + "?";
    }
}
