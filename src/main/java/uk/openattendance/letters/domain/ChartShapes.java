package uk.openattendance.letters.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The weekly chart's lines and bars, recorded once and written two ways. On screen each is its own element (a bar
 * carries its week as a tooltip). In print, where there are no tooltips, the shapes that look alike are one path: one
 * per bar colour and one per kind of line. Batik resolves the CSS of, builds and paints every element of every letter's
 * chart, so four or five paths instead of fifteen elements and their titles take about a tenth off a letter's PDF.
 * Paths are written in the order their first shape came, so what was drawn over what is unchanged: the grid under
 * the bars, the threshold lines over them.
 */
final class ChartShapes {
    private final StringBuilder screen = new StringBuilder(2048);
    private final Map<String, StringBuilder> printed = new LinkedHashMap<>();

    /** A horizontal line from x1 to x2 at y; {@code dash} is an SVG stroke-dasharray, or null for a solid line. */
    void line(double x1, double y, double x2, String stroke, String width, String dash) {
        String style = "fill=\"none\" stroke=\"" + stroke + "\" stroke-width=\"" + width + "\"" + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"");
        screen.append("<line x1=\"").append(fmt(x1)).append("\" y1=\"").append(fmt(y)).append("\" x2=\"").append(fmt(x2)).append("\" y2=\"").append(fmt(y))
                .append("\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(width).append('"')
                .append(dash == null ? "" : " stroke-dasharray=\"" + dash + "\"").append("/>");
        // each line its own subpath: a dash pattern starts afresh on each, as it did on separate lines
        printed.computeIfAbsent(style, k -> new StringBuilder()).append('M').append(fmt(x1)).append(' ').append(fmt(y)).append('H').append(fmt(x2));
    }

    /** A bar, with what it shows said in words for a screen's tooltip. */
    void bar(double x, double y, double width, double height, String fill, String title) {
        screen.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" width=\"").append(fmt(width)).append("\" height=\"")
                .append(fmt(height)).append("\" fill=\"").append(fill).append("\"><title>").append(WeeklyChart.escape(title)).append("</title></rect>");
        printed.computeIfAbsent("fill=\"" + fill + "\"", k -> new StringBuilder()).append('M').append(fmt(x)).append(' ').append(fmt(y)).append('h')
                .append(fmt(width)).append('v').append(fmt(height)).append('h').append(fmt(-width)).append('z');
    }

    String screen() {
        return screen.toString();
    }

    String printed() {
        StringBuilder svg = new StringBuilder(1024);
        printed.forEach((style, d) -> svg.append("<path d=\"").append(d).append("\" ").append(style).append("/>"));
        return svg.toString();
    }

    private static String fmt(double v) {
        return ChartLabel.fmt(v);
    }
}
