package uk.openattendance.leave.app;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import uk.openattendance.leave.domain.LeaveGround;
import uk.openattendance.platform.db.Sql;
import uk.openattendance.platform.db.UnionRead;
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
        return planned(approved.stream().map(s -> {
            LeaveRequestRow r = requests.get(s.requestId());
            return new Approved(s.pupilId(), r.id(), r.ground(), r.decidedBy());
        }).toList());
    }

    /** An approved session with its request's ground and decider, as the register's combined read returns it. */
    record Approved(long pupilId, long requestId, String ground, String decidedBy) {}

    @Override
    public Optional<Read<?>> read(long schoolId, LocalDate date, Session session, Collection<Long> pupilIds) {
        return Optional.of(new Read<>(new UnionRead.Part<>(List.of("s.pupil_id", "r.id", "r.ground", "r.decided_by"),
                "FROM leave_session s JOIN leave_request r ON r.id = s.request_id AND r.school_id = s.school_id WHERE s.school_id = :school "
                        + "AND s.session_date = :date AND s.session = :session AND s.approved = TRUE AND s.pupil_id IN (:pupils)",
                Sql.params("school", schoolId).and("date", date).and("session", session).and("pupils", pupilIds),
                v -> new Approved(v.id(0), v.id(1), v.text(2), v.text(3))), LeavePlannedMarks::planned));
    }

    private static List<Planned> planned(List<Approved> approved) {
        return approved.stream().map(a -> new Planned(a.pupilId(), LeaveGround.valueOf(a.ground()).code(), "Leave approved by " + a.decidedBy()
                + " (request " + a.requestId() + ")", true)).toList();
    }
}
