package uk.openattendance.platform.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Global ids (issue 16): base64url of "Type:databaseId", or "Type:schoolId:databaseId" for a record that belongs to a
 * school. The school is in the id because every read of a school's records is checked against the caller's standing in
 * that school, and {@code node(id)} reads through exactly those service methods; it is not trusted: a pupil of another
 * school named under this one's id is simply not found.
 */
public final class GlobalIds {
    private GlobalIds() {}

    public record GlobalId(String type, Long schoolId, long databaseId) {}

    public static String encode(String type, Long schoolId, long databaseId) {
        String text = type + ":" + (schoolId == null ? "" : schoolId + ":") + databaseId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The id a global id names, or empty when the text is not one (a plain number, a cursor, a typo). */
    public static Optional<GlobalId> decode(String text) {
        if (text == null || text.isEmpty() || text.length() > 200) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":", -1);
            if (parts.length < 2 || parts.length > 3 || !parts[0].matches("[A-Z][A-Za-z]{1,40}")) {
                return Optional.empty();
            }
            long id = Long.parseLong(parts[parts.length - 1]);
            Long school = parts.length == 3 ? Long.valueOf(parts[1]) : null;
            return id < 0 || school != null && school < 0 ? Optional.empty() : Optional.of(new GlobalId(parts[0], school, id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
