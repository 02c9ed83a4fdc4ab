package uk.openattendance.register;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import uk.openattendance.register.app.PlannedMarks;
import uk.openattendance.school.domain.Session;

/** Stands in for approved leave and reported absences (later features) at the register's one seam. */
@Singleton
public class TestPlannedMarks implements PlannedMarks {
    private final Map<String, Planned> plans = new ConcurrentHashMap<>();

    public void plan(long schoolId, LocalDate date, Session session, long pupilId, String code, String reason) {
        plans.put(schoolId + "/" + date + "/" + session + "/" + pupilId, new Planned(pupilId, code, reason));
    }

    /** Leave the school approved in advance, as the leave feature supplies it. */
    public void approvedLeave(long schoolId, LocalDate date, Session session, long pupilId, String code) {
        plans.put(schoolId + "/" + date + "/" + session + "/" + pupilId, new Planned(pupilId, code, "Leave approved by Test Head", true));
    }

    @Override
    public List<Planned> plannedFor(long schoolId, LocalDate date, Session session, Collection<Long> pupilIds) {
        return pupilIds.stream().map(id -> plans.get(schoolId + "/" + date + "/" + session + "/" + id)).filter(java.util.Objects::nonNull).toList();
    }
}
