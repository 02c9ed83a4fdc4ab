package uk.openattendance.platform.paging;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One page of a list, with what a client needs to fetch the next: the one envelope every list of the API answers
 * with, so an integrator writes one loop for all of them.
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        int pages = (int) ((total + request.size() - 1) / request.size());
        return new Page<>(items, request.page(), request.size(), total, pages);
    }

    /**
     * A page of a list the database pages, with its total counted first: a page past the end is answered empty without
     * asking for its rows. {@code fetch} takes the page number and size.
     */
    public static <T> Page<T> counted(PageRequest request, long total, BiFunction<Integer, Integer, List<T>> fetch) {
        return of(request.offset() >= total ? List.of() : fetch.apply(request.page(), request.size()), request, total);
    }

    /** The asked-for page of a list that is small enough to build whole (a register group's pupils, the codes). */
    public static <T> Page<T> slice(List<T> all, PageRequest request) {
        int from = (int) Math.min(request.offset(), all.size());
        int to = (int) Math.min((long) from + request.size(), all.size());
        return of(List.copyOf(all.subList(from, to)), request, all.size());
    }

    /**
     * The whole list as one page: what a spreadsheet export holds, since an office that downloads "the persistent
     * absentees" expects all of them, not the first fifty.
     */
    public static <T> Page<T> whole(List<T> all) {
        int size = Math.max(all.size(), 1);
        return new Page<>(List.copyOf(all), 0, size, all.size(), all.isEmpty() ? 0 : 1);
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), page, size, totalItems, totalPages);
    }
}
