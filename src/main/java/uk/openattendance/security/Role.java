package uk.openattendance.security;

import static uk.openattendance.security.Permission.ADMISSIONS;
import static uk.openattendance.security.Permission.ATTENDANCE_READ;
import static uk.openattendance.security.Permission.LETTERS_SEND;
import static uk.openattendance.security.Permission.PENALTY_NOTICES;
import static uk.openattendance.security.Permission.REGISTER_AMEND;
import static uk.openattendance.security.Permission.REGISTER_TAKE;
import static uk.openattendance.security.Permission.ROLL_READ;
import static uk.openattendance.security.Permission.ROLL_WRITE;
import static uk.openattendance.security.Permission.SCHOOL_ADMIN;
import static uk.openattendance.security.Permission.SCHOOL_READ;
import static uk.openattendance.security.Permission.STAFF_ADMIN;

import java.util.EnumSet;
import java.util.Set;

/** Staff roles as schools name them; a role is held in one school, or across a trust for TRUST_ADMIN. */
public enum Role {
    TEACHER("Teacher", EnumSet.of(SCHOOL_READ, ROLL_READ, REGISTER_TAKE, ATTENDANCE_READ)),
    OFFICE("Office staff", EnumSet.of(SCHOOL_READ, ROLL_READ, ROLL_WRITE, REGISTER_TAKE, REGISTER_AMEND, ATTENDANCE_READ, LETTERS_SEND)),
    ATTENDANCE_OFFICER("Attendance officer", EnumSet.of(SCHOOL_READ, ROLL_READ, ROLL_WRITE, ADMISSIONS, REGISTER_TAKE, REGISTER_AMEND, ATTENDANCE_READ, LETTERS_SEND,
            PENALTY_NOTICES)),
    DESIGNATED_SENIOR_LEADER("Designated senior leader", EnumSet.of(SCHOOL_READ, ROLL_READ, ROLL_WRITE, ADMISSIONS, REGISTER_TAKE, REGISTER_AMEND,
            ATTENDANCE_READ, LETTERS_SEND, PENALTY_NOTICES)),
    HEADTEACHER("Headteacher", EnumSet.allOf(Permission.class)),
    TRUST_ADMIN("Trust administrator", EnumSet.allOf(Permission.class));

    private final String title;
    private final Set<Permission> permissions;

    Role(String title, Set<Permission> permissions) {
        this.title = title;
        this.permissions = permissions;
    }

    public String title() {
        return title;
    }

    public Set<Permission> permissions() {
        return permissions;
    }
}
