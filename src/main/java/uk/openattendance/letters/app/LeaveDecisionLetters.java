package uk.openattendance.letters.app;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.openattendance.leave.app.LeaveDecided;
import uk.openattendance.leave.app.LeaveRequestView;
import uk.openattendance.leave.app.LeaveService;
import uk.openattendance.leave.domain.LeaveRequestStatus;
import uk.openattendance.security.Purpose;
import uk.openattendance.security.SchoolScope;

/**
 * The family hears the headteacher's decision by letter: drafted from the decision, approved by it (the headteacher
 * has decided, so nobody else need approve it) and emailed at once where a parent has an email address; otherwise it
 * waits in the approved letters for the print run.
 */
@Singleton
class LeaveDecisionLetters {
    private final LetterService letters;
    private final LetterRuns runs;
    private final LeaveService leave;

    LeaveDecisionLetters(LetterService letters, LetterRuns runs, LeaveService leave) {
        this.letters = letters;
        this.runs = runs;
        this.leave = leave;
    }

    @EventListener
    void onDecided(LeaveDecided event) {
        // the headteacher's decision was checked; the letter it calls for is drafted and sent for that one purpose
        SchoolScope scope = SchoolScope.forJob(Purpose.LEAVE_DECISION_LETTER, event.schoolId());
        LeaveRequestView r = leave.get(scope, event.requestId());
        List<LeaveRequestView.SessionState> approved = r.sessions().stream().filter(s -> Boolean.TRUE.equals(s.approved())).toList();
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("firstDate", LetterService.LONG_DATE.format(r.firstDate()));
        l.put("lastDate", LetterService.LONG_DATE.format(r.lastDate()));
        l.put("schoolDays", r.schoolDays() == Math.floor(r.schoolDays()) ? String.valueOf((long) r.schoolDays()) : String.valueOf(r.schoolDays()));
        l.put("ground", r.ground().toLowerCase().replace('_', ' '));
        LeaveRequestStatus decided = LeaveRequestStatus.valueOf(r.status());
        l.put("decision", switch (decided) {
            case APPROVED -> "approved";
            case PART_APPROVED -> "approved part of";
            default -> "not approved";
        });
        boolean part = decided == LeaveRequestStatus.PART_APPROVED;
        l.put("approvedPart", part);
        if (part) {
            l.put("approvedFrom", LetterService.LONG_DATE.format(approved.get(0).date()) + (approved.get(0).session().equals("PM") ? " (afternoon)" : ""));
            LeaveRequestView.SessionState last = approved.get(approved.size() - 1);
            l.put("approvedTo", LetterService.LONG_DATE.format(last.date()) + (last.session().equals("AM") ? " (morning)" : ""));
        }
        l.put("refusedAny", decided != LeaveRequestStatus.APPROVED);
        l.put("note", r.decisionNote() == null ? "" : r.decisionNote());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("leave", l);
        runs.draft(scope, r.pupilId(), "LEAVE_DECISION", "LEAVE:" + r.id(), facts).ifPresent(letter -> {
            letters.approveAsDecided(event.schoolId(), letter.id(), r.decidedBy());
            letters.email(scope, List.of(letter.id()));
        });
    }
}
