package uk.openattendance.platform.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The same table as an Excel workbook: a bold header row that stays in view, numbers as numbers, text as text (never a
 * formula, whatever the text says).
 */
public final class Xlsx {
    private Xlsx() {}

    public static void write(Table table, String sheetName, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Open Attendance", "1.0");
        Worksheet ws = wb.newWorksheet(sheetName.length() > 31 ? sheetName.substring(0, 31) : sheetName);
        List<String> columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
            ws.value(0, c, columns.get(c));
            ws.style(0, c).bold().set();
        }
        ws.freezePane(0, 1);
        int r = 1;
        for (List<Table.Cell> row : table.rows()) {
            for (int c = 0; c < row.size(); c++) {
                Table.Cell cell = row.get(c);
                if (cell.number() != null) {
                    ws.value(r, c, cell.number());
                } else if (!cell.text().isEmpty()) {
                    ws.value(r, c, cell.text());
                }
            }
            r++;
        }
        wb.finish();
    }
}
