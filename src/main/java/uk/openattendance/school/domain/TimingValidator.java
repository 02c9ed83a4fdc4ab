package uk.openattendance.school.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import uk.openattendance.platform.problem.FieldError;

/**
 * Refuses register times the law does not allow. 'Working together to improve school attendance' (2024): a register
 * is kept open for a reasonable time, no longer than 30 minutes, and for the same length of time every session.
 * "Every session" is read school-wide: every group's AM and PM register stays open equally long.
 */
public final class TimingValidator {
    public static final Duration MAX_OPEN = Duration.ofMinutes(30);

    private TimingValidator() {}

    public static List<FieldError> validate(List<RegisterGroupTimings> groups) {
        List<FieldError> errors = new ArrayList<>();
        Duration firstLength = null;
        String firstField = null;
        for (int i = 0; i < groups.size(); i++) {
            RegisterGroupTimings group = groups.get(i);
            for (Session session : Session.values()) {
                String field = "registerGroups[" + i + "]." + session.name().toLowerCase();
                SessionTiming timing = group.timing(session);
                errors.addAll(checkOrder(field, timing));
                Duration length = timing.openFor();
                if (length.compareTo(MAX_OPEN) > 0) {
                    errors.add(new FieldError(field + ".closesAt",
                            "at most 30 minutes after opensAt " + timing.opensAt() + " (register open " + length.toMinutes() + " minutes)"));
                }
                if (firstLength == null) {
                    firstLength = length;
                    firstField = field;
                } else if (!firstLength.equals(length)) {
                    errors.add(new FieldError(field + ".closesAt",
                            "the register open " + firstLength.toMinutes() + " minutes, as at " + firstField
                                    + " (the law wants the same length every session; this one is " + length.toMinutes() + ")"));
                }
            }
        }
        return errors;
    }

    private static List<FieldError> checkOrder(String field, SessionTiming t) {
        List<FieldError> errors = new ArrayList<>();
        if (!t.closesAt().isAfter(t.opensAt())) {
            errors.add(new FieldError(field + ".closesAt", "a time after opensAt " + t.opensAt()));
        }
        if (t.lateAfter().isBefore(t.opensAt()) || t.lateAfter().isAfter(t.closesAt())) {
            errors.add(new FieldError(field + ".lateAfter", "a time from opensAt " + t.opensAt() + " to closesAt " + t.closesAt()));
        }
        if (t.unauthorisedAfter().isBefore(t.closesAt())) {
            errors.add(new FieldError(field + ".unauthorisedAfter", "a time at or after closesAt " + t.closesAt()));
        }
        return errors;
    }
}
