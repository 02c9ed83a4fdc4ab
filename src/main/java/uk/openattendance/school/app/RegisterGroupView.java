package uk.openattendance.school.app;

import io.swagger.v3.oas.annotations.media.Schema;
import uk.openattendance.school.domain.SessionTiming;

@Schema(example = "{\"id\": 7, \"schoolId\": 3, \"name\": \"Year 2\", \"sortOrder\": 3, \"am\": {\"opensAt\": \"08:40\", \"lateAfter\": \"08:50\", \"closesAt\": \"09:10\", \"unauthorisedAfter\": \"09:10\"}, \"pm\": {\"opensAt\": \"13:00\", \"lateAfter\": \"13:05\", \"closesAt\": \"13:20\", \"unauthorisedAfter\": \"13:20\"}, \"version\": 1}")
public record RegisterGroupView(long id, long schoolId, String name, int sortOrder, SessionTiming am, SessionTiming pm, long version) {
    public SessionTiming timing(uk.openattendance.school.domain.Session session) {
        return session == uk.openattendance.school.domain.Session.AM ? am : pm;
    }
}
