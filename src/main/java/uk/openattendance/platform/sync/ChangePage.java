package uk.openattendance.platform.sync;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One page of a change feed. {@code nextCursor} is where the next request starts (send it back unchanged);
 * {@code complete} says the feed had nothing more settled: poll again later with the same cursor.
 */
public record ChangePage<T>(List<T> items, String nextCursor, boolean complete) {

    /** {@code rows} as read (one more than {@code size} tells there is more), each with its change stamp and id. */
    public static <R, T> ChangePage<T> of(List<R> rows, int size, ChangeCursor after, Function<R, String> stamp, ToLongFunction<R> id,
            Function<R, T> view) {
        List<R> page = rows.size() > size ? rows.subList(0, size) : rows;
        ChangeCursor next = page.isEmpty() ? after : new ChangeCursor(stamp.apply(page.get(page.size() - 1)), id.applyAsLong(page.get(page.size() - 1)));
        return new ChangePage<>(page.stream().map(view).toList(), next.encode(), rows.size() <= size);
    }
}
