package uk.openattendance.leave.app;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import uk.openattendance.leave.domain.LeaveGround;
import uk.openattendance.leave.persistence.LeaveRequestRow;
import uk.openattendance.leave.persistence.LeaveStore.SessionRow;
import uk.openattendance.leave.persistence.LeaveStore;
import uk.openattendance.register.app.PlannedMarks;
import uk.openattendance.school.domain.Session;

/** Approved leave pre-codes the register with its ground's code (C, C1, J1, S, C2, R or T). */
@Singleton
class LeavePlannedMarks implements PlannedMarks {
    // The store, not LeaveService: the service reads registers, and registers read this.
    private final LeaveStore leave;

    LeavePlannedMarks(LeaveStore leave) {
        this.leave = leave;
    }

    @Override
    public List<Planned> plannedFor(long schoolId, LocalDate date, Session session, Collection<Long> pupilIds) {
        Set<Long> wanted = new HashSet<>(pupilIds);
        List<SessionRow> approved = leave.approvedOn(schoolId, date, session.name()).stream().filter(s -> wanted.contains(s.pupilId())).toList();
        if (approved.isEmpty()) {
            return List.of();
        }
        Map<Long, LeaveRequestRow> requests = approved.stream().map(SessionRow::requestId).distinct().map(id -> leave.byId(schoolId, id))
                .flatMap(java.util.Optional::stream).collect(Collectors.toMap(LeaveRequestRow::id, r -> r));
        return approved.stream().map(s -> {
            LeaveRequestRow r = requests.get(s.requestId());
            return new Planned(s.pupilId(), LeaveGround.valueOf(r.ground()).code(), "Leave approved by " + r.decidedBy() + " (request " + r.id() + ")", true);
        }).toList();
    }
}
