package uk.openattendance.platform.export;

import java.util.List;

/**
 * RFC 4180 CSV with a byte-order mark, so Excel opens names with accents right. A text cell that a spreadsheet would
 * run as a formula (it starts with =, +, -, @, a tab or a return) is written with a leading apostrophe: a parent's
 * reply or a contact's name is never code in the office's spreadsheet (OWASP's CSV injection advice).
 */
public final class Csv {
    private Csv() {}

    public static String write(Table table) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, table.columns().stream().map(c -> new Table.Cell(c, null)).toList());
        for (List<Table.Cell> row : table.rows()) {
            line(out, row);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<Table.Cell> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String field(Table.Cell cell) {
        String s = cell.text();
        if (cell.number() == null && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
