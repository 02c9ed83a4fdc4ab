package uk.openattendance.register.persistence;

/** The latest link of a pupil's history chain. */
public record ChainHead(long pupilId, long schoolId, long seq, String hash) {}
