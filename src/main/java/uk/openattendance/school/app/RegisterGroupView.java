package uk.openattendance.school.app;

import uk.openattendance.school.domain.SessionTiming;

public record RegisterGroupView(long id, long schoolId, String name, int sortOrder, SessionTiming am, SessionTiming pm, long version) {
    public SessionTiming timing(uk.openattendance.school.domain.Session session) {
        return session == uk.openattendance.school.domain.Session.AM ? am : pm;
    }
}
