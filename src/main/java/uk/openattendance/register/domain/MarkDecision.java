package uk.openattendance.register.domain;

import uk.openattendance.school.domain.ArrivalMark;
import uk.openattendance.school.domain.Session;

/** Turns an arrival under a register's timings into the code the law gives it. */
public final class MarkDecision {
    private MarkDecision() {}

    public static String presentCode(Session session) {
        return session == Session.AM ? "/" : "\\";
    }

    public static String codeFor(Session session, ArrivalMark arrival) {
        return switch (arrival.kind()) {
            case ON_TIME -> presentCode(session);
            case LATE -> "L";
            case UNAUTHORISED_LATE -> "U";
        };
    }

    public static boolean isPresentCode(String code) {
        return "/".equals(code) || "\\".equals(code);
    }
}
