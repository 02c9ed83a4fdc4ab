package uk.openattendance.absence.app;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import uk.openattendance.absence.domain.ReportCategory;
import uk.openattendance.notify.app.InboundHandler;
import uk.openattendance.notify.app.InboundTexts;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.problem.FieldError;
import uk.openattendance.school.app.CalendarService;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/**
 * The office accepting what the reader suggested for children in a text waiting for review, in one call: each child's
 * suggested code through its last day becomes a report (the rest of it, when the first days were applied at once), the
 * text records who accepted it, and stays in the queue until the office resolves it (other children may still need a call).
 */
@Singleton
public class ReplySuggestions {
    private final InboundTexts inbound;
    private final AbsenceService absences;
    private final CalendarService calendars;

    ReplySuggestions(InboundTexts inbound, AbsenceService absences, CalendarService calendars) {
        this.inbound = inbound;
        this.absences = absences;
        this.calendars = calendars;
    }

    @Transactional
    public InboundTexts.InboundView accept(Actor actor, long schoolId, long inboundId, @Valid AcceptSuggestions command) {
        SchoolScope scope = actor.require(Permission.REGISTER_AMEND, schoolId, "School", schoolId);
        // locked until the reports are written, so the same suggestion accepted twice at once is applied once
        InboundTexts.InboundView text = inbound.lockInReview(scope, inboundId).orElseThrow(() -> CommonProblem.notFound("Text waiting for review", inboundId));
        Map<Long, InboundHandler.Suggestion> byPupil = new LinkedHashMap<>();
        text.suggestions().forEach(s -> byPupil.put(s.pupilId(), s));
        String offered = byPupil.values().stream().filter(s -> s.code() != null && !s.fullyApplied()).map(s -> s.pupilId() + " (" + s.summary() + ")")
                .collect(Collectors.joining(", "));
        List<FieldError> errors = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < command.pupilIds().size(); i++) {
            Long id = command.pupilIds().get(i);
            InboundHandler.Suggestion s = byPupil.get(id);
            String field = "pupilIds[" + i + "]";
            if (!seen.add(id)) {
                errors.add(new FieldError(field, "each child once"));
            } else if (s == null || s.code() == null) {
                errors.add(new FieldError(field, offered.isEmpty() ? "a child with a suggested code; this text has none left to accept"
                        : "a child with a suggested code: one of " + offered));
            } else if (s.fullyApplied()) {
                errors.add(new FieldError(field, "a suggestion not yet applied (" + s.summary() + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainProblem(AbsenceProblem.SUGGESTION_NOT_VALID, errors.get(0).field() + ": expected " + errors.get(0).expected(), errors);
        }
        String who = actor.describeIn(schoolId);
        var calendar = calendars.calendar(scope);
        List<InboundHandler.Suggestion> updated = new ArrayList<>();
        for (InboundHandler.Suggestion s : byPupil.values()) {
            if (!command.pupilIds().contains(s.pupilId())) {
                updated.add(s);
                continue;
            }
            boolean started = s.appliedThrough() != null;
            LocalDate from = started ? calendar.addSchoolDays(s.appliedThrough(), 1).orElse(s.appliedThrough().plusDays(1)) : s.firstDate();
            LocalDate back = s.expectedReturn() != null && s.expectedReturn().isAfter(s.lastDate()) ? s.expectedReturn() : null;
            if (!from.isAfter(s.lastDate())) {
                ReportCategory category = SmsReplyHandler.category(s.code()).orElse(ReportCategory.OTHER);
                absences.acceptFromReply(scope, new ReportAbsence(List.of(s.pupilId()), from, Session.AM, s.lastDate(),
                        s.lastSession() == null ? Session.PM : Session.valueOf(s.lastSession()), back, category, SmsReplyHandler.reason(text.body()), false,
                        text.contactId()), s.code(), started ? null : inboundId);
            }
            String summary = s.summary().replaceAll(" — [^—]*$", "") + " — accepted by " + who;
            updated.add(new InboundHandler.Suggestion(s.pupilId(), s.name(), s.outcome(), s.code(), s.firstDate(), s.lastDate(), s.lastSession(),
                    s.expectedReturn(), s.lastDate(), who, summary));
        }
        inbound.suggestionsApplied(scope, inboundId, updated);
        return inbound.lockInReview(scope, inboundId).orElseThrow();
    }
}
