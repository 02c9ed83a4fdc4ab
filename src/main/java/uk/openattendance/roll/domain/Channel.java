package uk.openattendance.roll.domain;

public enum Channel {
    SMS,
    EMAIL
}
