package uk.openattendance.roll.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import uk.openattendance.platform.problem.FieldError;

/** A CSV file read by its header row; each row reads its cells by column name and collects what was wrong with them. */
public final class CsvTable {
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<Csv.Record> rows;

    private CsvTable(List<String> header, List<Csv.Record> rows) {
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        this.rows = rows;
    }

    public static CsvTable parse(String text) {
        List<Csv.Record> records = Csv.parse(text);
        if (records.isEmpty()) {
            return new CsvTable(List.of(), List.of());
        }
        return new CsvTable(records.get(0).fields(), records.subList(1, records.size()));
    }

    public List<String> missingColumns(List<String> required) {
        return required.stream().filter(c -> !columns.containsKey(c)).toList();
    }

    public List<Row> rows() {
        return rows.stream().map(Row::new).toList();
    }

    public final class Row {
        private final Csv.Record record;
        private final List<FieldError> errors = new ArrayList<>();

        private Row(Csv.Record record) {
            this.record = record;
        }

        public int line() {
            return record.line();
        }

        public List<FieldError> errors() {
            return errors;
        }

        public void error(String column, String expected) {
            errors.add(new FieldError("line " + line() + ": " + column, expected));
        }

        public String text(String column) {
            Integer i = columns.get(column);
            if (i == null || i >= record.fields().size()) {
                return null;
            }
            String v = record.fields().get(i).strip();
            return v.isEmpty() ? null : v;
        }

        public LocalDate date(String column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                error(column, "a date as YYYY-MM-DD, not '" + v + "'");
                return null;
            }
        }

        public boolean flag(String column) {
            String v = text(column);
            if (v == null) {
                return false;
            }
            switch (v.toLowerCase(Locale.ROOT)) {
                case "y", "yes", "true", "1" -> {
                    return true;
                }
                case "n", "no", "false", "0" -> {
                    return false;
                }
                default -> {
                    error(column, "Y or N, not '" + v + "'");
                    return false;
                }
            }
        }

        public Optional<Integer> number(String column) {
            String v = text(column);
            if (v == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(Integer.parseInt(v));
            } catch (NumberFormatException e) {
                error(column, "a whole number, not '" + v + "'");
                return Optional.empty();
            }
        }

        public <E extends Enum<E>> E choice(String column, Class<E> type, E fallback) {
            String v = text(column);
            if (v == null) {
                return fallback;
            }
            try {
                return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace(' ', '_'));
            } catch (IllegalArgumentException e) {
                error(column, "one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", not '" + v + "'");
                return fallback;
            }
        }
    }
}
