package uk.openattendance.platform.sync;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.regex.Pattern;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;

/**
 * A place in a change feed: the change stamp and id of the last row a client has, so the next page starts strictly
 * after it (rows changed in the same microsecond are ordered by id). Opaque to clients, and stable: the same cursor
 * always names the same place, however often it is replayed.
 *
 * <p>The stamp travels as the database wrote it ({@code YYYY-MM-DD HH:MM:SS.ffffff}, read with {@link #STAMP_SQL}) and
 * goes back to it as text: the MySQL driver, seeing MariaDB's version string, drops fractions of a second from bound
 * timestamps, which would replay a second's rows for ever.
 */
public record ChangeCursor(String stamp, long id) {

    /** SQL reading a change-stamp column as this cursor's text. */
    public static String stampSql(String column) {
        return "DATE_FORMAT(" + column + ", '%Y-%m-%d %H:%i:%s.%f')";
    }

    public static final ChangeCursor START = new ChangeCursor("1970-01-01 00:00:00.000000", 0);
    private static final Pattern STAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6}");
    // the service's database sessions keep UTC (datasources' connectionTimeZone)
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    /** Where a client starts: after its cursor if it sends one, else from {@code updatedSince}, else from the beginning. */
    public static ChangeCursor from(String cursor, Instant updatedSince) {
        if (cursor != null && !cursor.isBlank()) {
            return decode(cursor);
        }
        // rows changed at exactly updatedSince are included: the feed starts just before it
        return updatedSince == null ? START : new ChangeCursor(TEXT.format(updatedSince.truncatedTo(ChronoUnit.MICROS).minus(1, ChronoUnit.MICROS)),
                Long.MAX_VALUE);
    }

    public static ChangeCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split("\\|");
            if (parts.length != 3 || !parts[0].equals("c1") || !STAMP.matcher(parts[1]).matches()) {
                throw new IllegalArgumentException(cursor);
            }
            return new ChangeCursor(parts[1], Long.parseLong(parts[2]));
        } catch (IllegalArgumentException e) {
            throw DomainProblem.field(CommonProblem.VALIDATION_FAILED, "cursor", "a nextCursor from an earlier page of this feed, unchanged");
        }
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("c1|" + stamp + "|" + id).getBytes(StandardCharsets.US_ASCII));
    }
}
