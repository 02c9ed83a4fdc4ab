package uk.openattendance.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * Why work runs without a signed-in caller, and the little it may do. Each scheduled job, inbound webhook and
 * pre-sign-in step acts in one school for one of these, never as "the system" everywhere.
 */
public enum Purpose {
    FIRST_DAY_CHAIN(Permission.SCHOOL_READ, Permission.ROLL_READ, Permission.ATTENDANCE_READ),
    FAMILY_MESSAGES(Permission.SCHOOL_READ, Permission.ROLL_READ, Permission.ATTENDANCE_READ),
    MISSING_EDUCATION_CHECK(Permission.SCHOOL_READ, Permission.ROLL_READ, Permission.ATTENDANCE_READ),
    /** After each session's registers close, the office is told of any register not taken. */
    UNTAKEN_REGISTERS(Permission.SCHOOL_READ, Permission.ROLL_READ, Permission.ATTENDANCE_READ),
    LETTER_RUN(Permission.SCHOOL_READ, Permission.ROLL_READ, Permission.ATTENDANCE_READ, Permission.LETTERS_SEND),
    /** The decision letter drafted and emailed when a headteacher decides a leave request. */
    LEAVE_DECISION_LETTER(Permission.SCHOOL_READ, Permission.ROLL_READ, Permission.LETTERS_SEND),
    /** A family's text reply read as an absence report. */
    SMS_REPLY(Permission.SCHOOL_READ, Permission.ROLL_READ, Permission.ATTENDANCE_READ, Permission.REGISTER_AMEND),
    /** Correcting a mark reopens or closes the first-day case and sends the correction text. */
    MARK_CORRECTION(Permission.SCHOOL_READ, Permission.ROLL_READ),
    /** Finding the family a one-time code goes to, before anyone is signed in. */
    PARENT_SIGN_IN(Permission.SCHOOL_READ, Permission.ROLL_READ),
    /** The school's sender name, timings and templates when the outbox renders and sends a message. */
    MESSAGE_SENDING(Permission.SCHOOL_READ),
    /** The school's allowed origins for the parents' pages (CORS), before anyone is signed in. */
    CORS(Permission.SCHOOL_READ),
    /** A signed-in parent at one of their children's schools: see {@link ParentScope}. */
    PARENT(Permission.SCHOOL_READ),
    /** A school's zone, calendar, timings and policy: no pupil's data, and needed on every path before any check. */
    SCHOOL_SETTINGS(Permission.SCHOOL_READ),
    /** The daily seal of a school's register history chains, emailed to its designated lead. */
    LEDGER_SEAL(Permission.SCHOOL_READ, Permission.ATTENDANCE_READ),
    /** Reading a school's day (zone, calendar, timings) to plan its jobs. */
    PLANNING(Permission.SCHOOL_READ);

    private final Set<Permission> permissions;

    Purpose(Permission first, Permission... rest) {
        this.permissions = Set.copyOf(EnumSet.of(first, rest));
    }

    public Set<Permission> permissions() {
        return permissions;
    }
}
