package uk.openattendance.platform.graphql;

import graphql.schema.DataFetchingEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;
import uk.openattendance.platform.paging.Page;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;

/**
 * Relay connections (issue 16) built at the GraphQL edge from what the services already answer: a whole list, or the
 * pages a service that pages itself gives. One implementation for every XConnection type of the schema; a cursor is the
 * position of an item in the list, opaque to clients (base64url of "cursor:N"), so the REST envelope and the services
 * stay as they are.
 */
public final class Connections {
    public static final int DEFAULT_FIRST = 50;
    public static final int MAX_FIRST = PageRequest.MAX_SIZE;
    private static final String PREFIX = "cursor:";

    private Connections() {}

    public record Edge<T>(String cursor, T node) {}

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}

    /** totalCount is exact on every connection: a paged service is counted by the same method its REST page counts with. */
    public record Connection<T>(List<Edge<T>> edges, List<T> nodes, PageInfo pageInfo, int totalCount) {}

    /** Which items a client asked for: {@code first} items from {@code offset} (the item after the {@code after} cursor). */
    public record Window(int offset, int first) {
        public Window {
            if (first < 1 || first > MAX_FIRST) {
                throw DomainProblem.field(CommonProblem.VALIDATION_FAILED, "first", "a number of items from 1 to " + MAX_FIRST);
            }
            if (offset < 0) {
                throw badCursor();
            }
        }
    }

    /** The window of {@code first} and {@code after}; a bad value is refused naming the argument, as REST names size. */
    public static Window window(DataFetchingEnvironment env) {
        Object first = env.getArgument("first");
        Object after = env.getArgument("after");
        return new Window(after == null ? 0 : decode(String.valueOf(after)) + 1, first == null ? DEFAULT_FIRST : ((Number) first).intValue());
    }

    public static String cursor(int position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    static int decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) {
                throw badCursor();
            }
            int position = Integer.parseInt(text.substring(PREFIX.length()));
            if (position < 0) {
                throw badCursor();
            }
            return position;
        } catch (IllegalArgumentException e) {
            throw badCursor();
        }
    }

    private static DomainProblem badCursor() {
        return DomainProblem.field(CommonProblem.VALIDATION_FAILED, "after", "a cursor this connection gave (an edge's cursor or pageInfo.endCursor)");
    }

    /** The window of a list the service builds whole (a school's letters, a day's absence reports). */
    public static <T> Connection<T> of(List<T> all, Window w) {
        int from = Math.min(w.offset(), all.size());
        int to = (int) Math.min((long) from + w.first(), all.size());
        return build(all.subList(from, to), from, to < all.size(), all.size());
    }

    /** A page a service answered for exactly this window (its offset is the window's). */
    public static <T> Connection<T> of(Page<T> page, Window w) {
        return build(page.items(), w.offset(), w.offset() + page.items().size() < page.totalItems(), (int) page.totalItems());
    }

    /**
     * For services that take a page number and size and answer a {@link Page}: the window is rarely a whole page (after
     * the 7th item, first 50), so the two pages of size {@code first} that hold it are asked for and cut.
     */
    public static <T> Connection<T> paged(Window w, BiFunction<Integer, Integer, Page<T>> fetch) {
        int size = w.first();
        int page = w.offset() / size;
        int skip = w.offset() - page * size;
        Page<T> head = fetch.apply(page, size);
        int total = (int) head.totalItems();
        List<T> items = new ArrayList<>(head.items());
        if (items.size() == size && skip > 0) {
            items.addAll(fetch.apply(page + 1, size).items());
        }
        int from = Math.min(skip, items.size());
        int to = Math.min(from + size, items.size());
        return build(items.subList(from, to), w.offset(), w.offset() + (to - from) < total, total);
    }

    /**
     * For services that page a bare list and count with a separate method (messages, inbound texts, ledger seals), as
     * their REST controllers do: {@code total} is that count, taken once, and a page past it is not fetched.
     */
    public static <T> Connection<T> counted(Window w, long total, BiFunction<Integer, Integer, List<T>> fetch) {
        return paged(w, (page, size) -> Page.counted(new PageRequest(page, size), total, fetch));
    }

    private static <T> Connection<T> build(List<T> window, int offset, boolean hasNext, int total) {
        List<Edge<T>> edges = new ArrayList<>(window.size());
        for (int i = 0; i < window.size(); i++) {
            edges.add(new Edge<>(cursor(offset + i), window.get(i)));
        }
        PageInfo info = new PageInfo(hasNext, offset > 0, edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new Connection<>(List.copyOf(edges), List.copyOf(window), info, total);
    }
}
