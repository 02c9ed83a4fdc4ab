package uk.openattendance.platform.paging;

import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;

/** Zero-based page number and a size from 1 to 500. */
public record PageRequest(int page, int size) {
    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (page < 0) {
            throw DomainProblem.field(CommonProblem.VALIDATION_FAILED, "page", "a page number from 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw DomainProblem.field(CommonProblem.VALIDATION_FAILED, "size", "a page size from 1 to " + MAX_SIZE);
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
