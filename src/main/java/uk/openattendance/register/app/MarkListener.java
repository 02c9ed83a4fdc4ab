package uk.openattendance.register.app;

import java.util.List;

/**
 * Other features react to marks inside the transaction that writes them, so what they queue (a correction text, a
 * closed follow-up) commits or rolls back with the mark.
 */
public interface MarkListener {
    void marksWritten(List<MarkChanged> changes);
}
