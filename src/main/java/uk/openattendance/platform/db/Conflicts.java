package uk.openattendance.platform.db;

import io.micronaut.data.exceptions.OptimisticLockException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.util.Optional;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;

/**
 * A service checks "is this UPN free?" or "is this still version 3?" and then writes; two requests can both pass the
 * check and only the database sees the second. What it says then (a unique key, a version that moved, a deadlock it
 * broke) is the same refusal the check would have given: 409, try again with what is there now. The one translation
 * of these failures, for REST and GraphQL alike.
 */
public final class Conflicts {
    private static final int DUPLICATE_KEY = 1062;
    private static final int DUPLICATE_KEY_IN_CHILD = 1586;
    private static final int ROW_IS_REFERENCED = 1451;
    private static final int REFERENCED_ROW_MISSING = 1452;

    private Conflicts() {}

    public static Optional<DomainProblem> toProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return Optional.of(new DomainProblem(CommonProblem.CONFLICT,
                        "Someone changed this record after you loaded it; load it again and send its current version"));
            }
            if (t instanceof SQLTransactionRollbackException) {
                return Optional.of(new DomainProblem(CommonProblem.CONFLICT,
                        "Another change to the same records ran at the same moment; nothing was saved. Send the request again"));
            }
            if (t instanceof SQLIntegrityConstraintViolationException e) {
                return Optional.of(integrity(e));
            }
            if (t == t.getCause()) {
                break;
            }
        }
        return Optional.empty();
    }

    private static DomainProblem integrity(SQLException e) {
        return switch (e.getErrorCode()) {
            case DUPLICATE_KEY, DUPLICATE_KEY_IN_CHILD -> new DomainProblem(CommonProblem.CONFLICT,
                    "A record with the same unique value was saved at the same moment or already exists");
            case ROW_IS_REFERENCED -> new DomainProblem(CommonProblem.CONFLICT, "Other records still refer to this one");
            case REFERENCED_ROW_MISSING -> new DomainProblem(CommonProblem.CONFLICT, "A record this request refers to no longer exists");
            default -> new DomainProblem(CommonProblem.CONFLICT, "The request conflicts with what is stored");
        };
    }
}
