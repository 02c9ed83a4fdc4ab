package uk.openattendance.followup.domain;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import uk.openattendance.school.domain.Session;

/** How follow-up messages name children, days and sessions, the way a family reads them. */
public final class Wording {
    private Wording() {}

    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);

    /** "Amelia", "Amelia and Ben", "Amelia, Ben and Cara": first names as the family uses them. */
    public static String children(List<Child> children) {
        List<String> first = children.stream().map(Child::familyName).toList();
        if (first.size() <= 1) {
            return first.isEmpty() ? "" : first.get(0);
        }
        return String.join(", ", first.subList(0, first.size() - 1)) + " and " + first.get(first.size() - 1);
    }

    public static String session(Session session) {
        return session == Session.AM ? "morning" : "afternoon";
    }
}
