package uk.openattendance.letters.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One piece of text on the weekly chart (an axis percentage, a week, a threshold, a bar's figure), placed in the
 * chart's user units: {@code y} is the baseline and {@code anchor} is SVG's text-anchor (start, middle, end).
 *
 * <p>The same label is set two ways. On screen it is SVG {@code <text>}. In a printed letter it is HTML text laid
 * over the chart: Batik set each SVG text node with AWT's font lookup and glyph layout and drew its glyphs as
 * outlines, which was over a third of the cost of a letter's PDF and most of its size; as HTML it is set in the
 * PDF's own Helvetica, costs next to nothing, and is real text a screen reader and a search can find.
 */
record ChartLabel(double x, double y, String text, double size, String anchor, String fill) {
    /**
     * Where openhtmltopdf sets the baseline of a line-height-1 line of its built-in Helvetica below the top of the
     * line's box, as a fraction of the font size: measured on rendered pages (at 200 dpi the printed labels' baselines
     * fall on the SVG text's to the pixel), not derived from the font's metrics.
     */
    static final double BASELINE = 0.6;
    /** Helvetica's widest digit, as a fraction of the font size: used only to give the label's box room. */
    private static final double EM_PER_CHAR = 0.62;

    String svg() {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" font-size=\"" + fmt(size) + "\" text-anchor=\"" + anchor + "\" fill=\"" + fill + "\">"
                + WeeklyChart.escape(text) + "</text>";
    }

    /**
     * A positioned span over a chart printed at {@code mmPerUnit} millimetres to the user unit: a box a little wider
     * than the text, aligned so its text starts, centres or ends at {@code x}, as the SVG's anchor says.
     */
    String html(double mmPerUnit) {
        double width = text.length() * size * EM_PER_CHAR + 4;
        double left = switch (anchor) {
            case "end" -> x - width;
            case "middle" -> x - width / 2;
            default -> x;
        };
        String align = switch (anchor) {
            case "end" -> "right";
            case "middle" -> "center";
            default -> "left";
        };
        return "<span style=\"left: " + mm(left * mmPerUnit) + "; top: " + mm((y - size * BASELINE) * mmPerUnit) + "; width: " + mm(width * mmPerUnit)
                + "; font-size: " + mm(size * mmPerUnit) + "; text-align: " + align + "; color: " + fill + "\">" + WeeklyChart.escape(text) + "</span>";
    }

    private static String mm(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "mm";
    }

    static String fmt(double v) {
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
