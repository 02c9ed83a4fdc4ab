package uk.openattendance.schedule.persistence;

/** Where a planned job is; DONE, FAILED and SKIPPED are final and stamp {@code finished_at}. */
public enum JobStatus {
    DUE,
    RUNNING,
    DONE,
    FAILED,
    /** Not run: its latest sensible time passed first, or this version has no handler for it. */
    SKIPPED
}
