package uk.openattendance.platform.export;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.context.ServerRequestContext;
import java.util.List;
import uk.openattendance.platform.paging.Page;
import uk.openattendance.platform.paging.PageRequest;

/** The two spreadsheet media types a list can be asked for with {@code Accept}. */
public final class Spreadsheets {
    private Spreadsheets() {}

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    // What the OpenAPI file says of the two spreadsheet answers: text and a file, not the JSON list's schema, which the
    // generator would otherwise copy to every media type an operation produces.
    public static final String ANSWER_DESCRIPTION = "JSON, or a spreadsheet (CSV or XLSX) when the Accept header asks for one";
    public static final String CSV_DESCRIPTION = "UTF-8 CSV: a header row naming the columns, then one row per item of the JSON list (every row, not a page)";
    public static final String XLSX_DESCRIPTION = "An Excel workbook of one sheet: a header row, then one row per item of the JSON list (every row, not a page)";

    /** Whether the request being answered asked for a spreadsheet rather than JSON. */
    public static boolean asked() {
        return ServerRequestContext.currentRequest()
                .map(r -> r.getHeaders().getAll(HttpHeaders.ACCEPT).stream().anyMatch(a -> a.contains(CSV) || a.contains(XLSX)))
                .orElse(false);
    }

    /** The page asked for as JSON, or the whole list for a spreadsheet (an export is never a page of the list). */
    public static <T> Page<T> pageOrWhole(List<T> all, PageRequest request) {
        return asked() ? Page.whole(all) : Page.slice(all, request);
    }
}
