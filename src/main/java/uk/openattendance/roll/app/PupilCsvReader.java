package uk.openattendance.roll.app;

import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import uk.openattendance.platform.problem.FieldError;
import uk.openattendance.roll.domain.CsvTable;
import uk.openattendance.roll.domain.SendStatus;

/** Reads pupils.csv rows into the same commands the REST API takes, so a row is checked exactly as a request would be. */
@Singleton
class PupilCsvReader {
    static final List<String> REQUIRED = List.of("upn", "legal_forename", "legal_surname", "date_of_birth", "year_group", "register_group", "start_date");

    private final Validator validator;

    PupilCsvReader(Validator validator) {
        this.validator = validator;
    }

    record Line(int line, PupilCommand command) {}

    List<Line> read(CsvTable.Row row, Map<String, Long> groupIdsByName, List<FieldError> errors) {
        String groupName = row.text("register_group");
        Long groupId = groupName == null ? null : groupIdsByName.get(groupName.toLowerCase());
        if (groupName != null && groupId == null) {
            row.error("register_group", "one of " + groupIdsByName.keySet());
        }
        PupilCommand command = new PupilCommand(row.text("upn"), row.text("legal_forename"), row.text("legal_surname"),
                row.text("preferred_forename"), row.text("preferred_surname"), row.date("date_of_birth"), sex(row.text("sex")), row.text("year_group"), groupId,
                row.text("form"), row.text("house"), row.date("start_date"), row.date("leaving_date"),
                new Characteristics(row.flag("pupil_premium"), row.choice("send", SendStatus.class, SendStatus.NONE), row.flag("free_school_meals"),
                        row.flag("eal"), row.flag("looked_after"), row.flag("child_in_need"), row.flag("has_social_worker"), row.flag("young_carer")),
                row.flag("vulnerable"), null);
        for (ConstraintViolation<PupilCommand> v : validator.validate(command)) {
            String column = snake(v.getPropertyPath().toString());
            if (row.errors().stream().noneMatch(e -> e.field().endsWith(": " + column))) {
                row.error(column, v.getMessage());
            }
        }
        errors.addAll(row.errors());
        return row.errors().isEmpty() ? List.of(new Line(row.line(), command)) : List.of();
    }

    /** The census letter in either case ("m", "F"); anything else is left as sent, so the check names it. */
    private static String sex(String value) {
        return value == null || value.isBlank() ? null : value.strip().length() == 1 ? value.strip().toUpperCase(java.util.Locale.ROOT) : value.strip();
    }

    private static String snake(String property) {
        String p = property.equals("registerGroupId") ? "registerGroup" : property;
        return p.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
    }

}
