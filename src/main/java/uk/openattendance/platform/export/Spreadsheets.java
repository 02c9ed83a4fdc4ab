package uk.openattendance.platform.export;

/** The two spreadsheet media types a list can be asked for with {@code Accept}. */
public final class Spreadsheets {
    private Spreadsheets() {}

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
