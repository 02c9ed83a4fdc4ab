package uk.openattendance.letters.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A child's (or a class's, or a school's) attendance week by week as an SVG bar chart, with the school's letter
 * thresholds drawn across it as dashed lines. Parents read a picture faster than a table; the picture is made
 * accessible three ways: an SVG {@code <title>}, a {@code <desc>} that says every week's figure in words, and a small
 * table of the same figures printed beside it in the letter (a screen reader reading the PDF meets the text).
 *
 * <p>Pure: weeks in, markup out. The markup is ours, never the office's: the renderer inserts it after a letter's own
 * HTML has been cleaned, so templates still may not carry SVG.
 */
public final class WeeklyChart {
    private WeeklyChart() {}

    /** One school week (Monday start): possible sessions and those attended (present or approved educational activity). */
    public record Week(LocalDate weekStart, int possible, int attended) {
        /** Whole percent, half up; null for a week with no possible sessions. */
        public BigDecimal percent() {
            return possible == 0 ? null : BigDecimal.valueOf(attended * 100L).divide(BigDecimal.valueOf(possible), 1, RoundingMode.HALF_UP);
        }
    }

    /** A line across the chart: one of the school's letter thresholds, e.g. 95 labelled "95%". */
    public record Threshold(BigDecimal percent, String label) {}

    /**
     * The SVG, its description in words (the same as the SVG's desc), the figures as an XHTML table, and the chart as
     * a letter prints it: the same SVG's shapes with its labels as HTML text over them, {@link #PRINT_WIDTH_MM} wide.
     */
    public record Chart(String svg, String description, String table, String printed) {}

    static final int WIDTH = 640;
    static final int HEIGHT = 180;
    /** The printed chart's width: the letter's text width (A4 less its 20 mm margins). */
    static final double PRINT_WIDTH_MM = 170;
    private static final int LEFT = 34;
    private static final int RIGHT = 62;
    private static final int TOP = 12;
    private static final int BOTTOM = 30;
    private static final int PLOT_W = WIDTH - LEFT - RIGHT;
    private static final int PLOT_H = HEIGHT - TOP - BOTTOM;
    /** Labels of thresholds closer than this (in px) are pushed apart so each stays readable (a traffic light's 96/94/91/90). */
    private static final int LABEL_GAP = 11;
    /** With more weeks than this a figure over each bar would crowd; the table carries them. */
    private static final int FIGURES_ON_BARS_UP_TO = 16;
    static final String GOOD = "#2e7d32";
    static final String BETWEEN = "#e08a00";
    static final String BELOW = "#c62828";
    static final String PLAIN = "#3b6ea5";
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /**
     * The chart of {@code weeks} (weeks with no possible sessions, e.g. holidays, are left out) for {@code who} ("Ava
     * Example", "Class 4B", "the whole school"), with {@code thresholds} drawn as lines.
     */
    public static Chart of(String who, List<Week> weeks, List<Threshold> thresholds) {
        List<Week> shown = weeks.stream().filter(w -> w.possible() > 0).sorted(Comparator.comparing(Week::weekStart)).toList();
        List<Threshold> lines = thresholds.stream().sorted(Comparator.comparing(Threshold::percent).reversed()).toList();
        String description = describe(who, shown, lines);
        ChartShapes shapes = new ChartShapes();
        List<ChartLabel> labels = new ArrayList<>();
        axes(shapes, labels);
        if (shown.isEmpty()) {
            labels.add(new ChartLabel(LEFT + PLOT_W / 2.0, TOP + PLOT_H / 2.0, "No school weeks with marks in this period", 12, "middle", "#444"));
            thresholdLines(shapes, labels, lines);
        } else {
            List<ChartLabel> figures = new ArrayList<>();
            bars(shapes, labels, figures, shown, lines);
            thresholdLines(shapes, labels, lines);
            labels.addAll(figures);
        }
        String open = open("Attendance by week: " + who, description);
        // every label after every shape, the figures on the bars last: over the threshold lines, so a dash never cuts one
        StringBuilder svg = new StringBuilder(4096).append(open).append(shapes.screen());
        labels.forEach(l -> svg.append(l.svg()));
        return new Chart(svg.append("</svg>").toString(), description, table(shown), printed(open, shapes.printed(), labels));
    }

    private static String open(String title, String description) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"" + HEIGHT + "\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT
                + "\" role=\"img\" font-family=\"Helvetica, Arial, sans-serif\"><title>" + escape(title) + "</title><desc>" + escape(description)
                + "</desc>";
    }

    /** The chart for a letter: Batik draws the shapes, and the labels are HTML text laid over them, each where the SVG's would be. */
    private static String printed(String open, String shapes, List<ChartLabel> labels) {
        double mmPerUnit = PRINT_WIDTH_MM / WIDTH;
        String size = "width: " + ChartLabel.fmt(PRINT_WIDTH_MM) + "mm; height: " + ChartLabel.fmt(PRINT_WIDTH_MM * HEIGHT / WIDTH) + "mm";
        StringBuilder html = new StringBuilder(shapes.length() + 200 * labels.size()).append("<div class=\"plot\" style=\"").append(size).append("\">")
                .append(open.replaceFirst(" role=", " style=\"" + size + "\" role=")).append(shapes).append("</svg>");
        labels.forEach(l -> html.append(l.html(mmPerUnit)));
        return html.append("</div>").toString();
    }

    private static void axes(ChartShapes shapes, List<ChartLabel> labels) {
        for (int p = 0; p <= 100; p += 25) {
            double y = y(BigDecimal.valueOf(p));
            shapes.line(LEFT, y, LEFT + PLOT_W, p == 0 ? "#555" : "#ddd", p == 0 ? "1" : "0.6", null);
            labels.add(new ChartLabel(LEFT - 4, y + 3.5, p + "%", 9.5, "end", "#444"));
        }
    }

    private static void bars(ChartShapes shapes, List<ChartLabel> labels, List<ChartLabel> figures, List<Week> shown, List<Threshold> lines) {
        int n = shown.size();
        double slot = (double) PLOT_W / n;
        double barW = Math.max(2, slot * (n > 20 ? 0.78 : 0.66));
        int labelEvery = Math.max(1, (int) Math.ceil(n / 9.0));
        for (int i = 0; i < n; i++) {
            Week w = shown.get(i);
            BigDecimal pct = w.percent();
            double x = LEFT + slot * i + (slot - barW) / 2;
            double top = y(pct);
            shapes.bar(x, top, barW, TOP + PLOT_H - top, colour(pct, lines), "Week beginning " + LONG.format(w.weekStart()) + ": " + whole(pct) + "%");
            if (n <= FIGURES_ON_BARS_UP_TO) {
                // inside the top of a tall bar (clear of the threshold lines above it), else just above a short one
                boolean inside = TOP + PLOT_H - top > 16;
                figures.add(new ChartLabel(x + barW / 2, inside ? top + 11 : top - 3, whole(pct), 9, "middle", inside ? "#fff" : "#222"));
            }
            if (i % labelEvery == 0) {
                labels.add(new ChartLabel(x + barW / 2, TOP + PLOT_H + 13, SHORT.format(w.weekStart()), 9, "middle", "#444"));
            }
        }
        labels.add(new ChartLabel(LEFT + PLOT_W / 2.0, HEIGHT - 3, "Week beginning", 9, "middle", "#444"));
    }

    /** Lines top down; each label sits at its line unless the one above is too close, then just below that one. */
    private static void thresholdLines(ChartShapes shapes, List<ChartLabel> labels, List<Threshold> lines) {
        double lastLabel = -100;
        for (Threshold t : lines) {
            double y = y(t.percent());
            shapes.line(LEFT, y, LEFT + PLOT_W, "#222", "1", "5,3");
            double labelY = Math.max(y + 3.5, lastLabel + LABEL_GAP);
            lastLabel = labelY;
            labels.add(new ChartLabel(LEFT + PLOT_W + 4, labelY, t.label(), 9.5, "start", "#222"));
        }
    }

    /** Green at or above the highest threshold, red below the lowest, amber between; one colour when the school has none. */
    static String colour(BigDecimal pct, List<Threshold> lines) {
        if (lines.isEmpty()) {
            return PLAIN;
        }
        if (pct.compareTo(lines.get(0).percent()) >= 0) {
            return GOOD;
        }
        return pct.compareTo(lines.get(lines.size() - 1).percent()) < 0 ? BELOW : BETWEEN;
    }

    static String describe(String who, List<Week> shown, List<Threshold> lines) {
        if (shown.isEmpty()) {
            return "Attendance by week for " + who + ": no school weeks with marks in this period.";
        }
        StringBuilder d = new StringBuilder("Attendance by week for ").append(who).append(", ").append(shown.size())
                .append(shown.size() == 1 ? " school week" : " school weeks").append(" from ").append(LONG.format(shown.get(0).weekStart()))
                .append(": ");
        for (int i = 0; i < shown.size(); i++) {
            Week w = shown.get(i);
            d.append(i == 0 ? "" : "; ").append("week beginning ").append(SHORT.format(w.weekStart())).append(' ').append(whole(w.percent()))
                    .append("% (").append(w.attended()).append(" of ").append(w.possible()).append(" sessions)");
        }
        d.append('.');
        Week lowest = shown.stream().min(Comparator.comparing(Week::percent)).orElseThrow();
        d.append(" Lowest: ").append(whole(lowest.percent())).append("% in the week beginning ").append(LONG.format(lowest.weekStart())).append('.');
        if (!lines.isEmpty()) {
            d.append(" The school's letter thresholds drawn as lines: ")
                    .append(String.join(", ", lines.stream().map(t -> t.percent().stripTrailingZeros().toPlainString() + "%").toList())).append('.');
        }
        return d.toString();
    }

    /** The same figures as a compact table, eight weeks to a row pair, for reading aloud and for anyone who prefers numbers. */
    static String table(List<Week> shown) {
        if (shown.isEmpty()) {
            return "";
        }
        StringBuilder t = new StringBuilder("<table class=\"weeks\"><caption>The chart's figures: attendance in each week (sessions attended of "
                + "possible)</caption><tbody>");
        for (int from = 0; from < shown.size(); from += 8) {
            List<Week> chunk = shown.subList(from, Math.min(shown.size(), from + 8));
            t.append("<tr><th scope=\"row\">Week beginning</th>");
            chunk.forEach(w -> t.append("<th scope=\"col\">").append(SHORT.format(w.weekStart())).append("</th>"));
            t.append("</tr><tr><th scope=\"row\">Attendance</th>");
            chunk.forEach(w -> t.append("<td>").append(whole(w.percent())).append("% (").append(w.attended()).append('/').append(w.possible())
                    .append(")</td>"));
            t.append("</tr>");
        }
        return t.append("</tbody></table>").toString();
    }

    private static double y(BigDecimal pct) {
        double p = Math.max(0, Math.min(100, pct.doubleValue()));
        return TOP + PLOT_H * (1 - p / 100.0);
    }

    private static String whole(BigDecimal pct) {
        return pct.setScale(0, RoundingMode.HALF_UP).toPlainString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
