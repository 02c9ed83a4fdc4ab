package uk.openattendance.platform.db;

/** InnoDB breaks a deadlock by rolling one transaction back; a claim or a job step that changed nothing yet can simply run again. */
public final class Deadlocks {
    private Deadlocks() {}

    public static boolean isDeadlock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransactionRollbackException) {
                return true;
            }
        }
        return false;
    }
}
