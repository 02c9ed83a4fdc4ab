package uk.openattendance.security.domain;

/** Why a password link was sent: the first administrator's first password (the bootstrap), or a reset. Stored by name. */
public enum PasswordTokenPurpose {
    FIRST,
    RESET
}
