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
