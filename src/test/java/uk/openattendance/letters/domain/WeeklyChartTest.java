package uk.openattendance.letters.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class WeeklyChartTest {
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);
    static final List<WeeklyChart.Threshold> COLFOX = List.of(new WeeklyChart.Threshold(new BigDecimal("90"), "90%"),
            new WeeklyChart.Threshold(new BigDecimal("95"), "95%"));

    static WeeklyChart.Week week(int n, int possible, int attended) {
        return new WeeklyChart.Week(MONDAY.plusWeeks(n), possible, attended);
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void eachWeekIsABarColouredByWhereItFallsAgainstTheSchoolsThresholds() throws Exception {
        var chart = WeeklyChart.of("Ava Example", List.of(week(0, 10, 10), week(1, 10, 9), week(2, 10, 6)), COLFOX);

        NodeList bars = parse(chart.svg()).getElementsByTagName("rect");
        assertThat(bars.getLength()).isEqualTo(3);
        assertThat(((Element) bars.item(0)).getAttribute("fill")).as("100%: at or above 95%").isEqualTo(WeeklyChart.GOOD);
        assertThat(((Element) bars.item(1)).getAttribute("fill")).as("90%: between the lines").isEqualTo(WeeklyChart.BETWEEN);
        assertThat(((Element) bars.item(2)).getAttribute("fill")).as("60%: below 90%").isEqualTo(WeeklyChart.BELOW);
        double full = Double.parseDouble(((Element) bars.item(0)).getAttribute("height"));
        double sixty = Double.parseDouble(((Element) bars.item(2)).getAttribute("height"));
        assertThat(sixty / full).as("bar heights are in proportion to the percentage").isCloseTo(0.6, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void theSchoolsThresholdsAreDrawnAsDashedLinesWithTheirPercentages() throws Exception {
        Document svg = parse(WeeklyChart.of("Ava Example", List.of(week(0, 10, 10)), COLFOX).svg());

        NodeList lines = svg.getElementsByTagName("line");
        int dashed = 0;
        for (int i = 0; i < lines.getLength(); i++) {
            dashed += ((Element) lines.item(i)).hasAttribute("stroke-dasharray") ? 1 : 0;
        }
        assertThat(dashed).isEqualTo(2);
        assertThat(svg.getDocumentElement().getTextContent()).contains("95%").contains("90%");
    }

    @Test
    void theTitleAndDescriptionSayEveryWeeksFigureInWordsForAScreenReader() throws Exception {
        var chart = WeeklyChart.of("Ava Example", List.of(week(0, 10, 10), week(1, 10, 7)), COLFOX);
        Document svg = parse(chart.svg());

        assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Attendance by week: Ava Example");
        String desc = svg.getElementsByTagName("desc").item(0).getTextContent();
        assertThat(desc).isEqualTo(chart.description())
                .contains("2 school weeks from 2 November 2026")
                .contains("week beginning 2 Nov 100% (10 of 10 sessions)")
                .contains("week beginning 9 Nov 70% (7 of 10 sessions)")
                .contains("Lowest: 70% in the week beginning 9 November 2026")
                .contains("thresholds drawn as lines: 95%, 90%");
        assertThat(svg.getDocumentElement().getAttribute("role")).isEqualTo("img");
    }

    @Test
    void theSameFiguresComeAsATableEightWeeksToARow() {
        List<WeeklyChart.Week> weeks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            weeks.add(week(i, 10, 10 - i % 3));
        }
        String table = WeeklyChart.of("Ava Example", weeks, COLFOX).table();

        assertThat(table).startsWith("<table class=\"weeks\"><caption>").contains("<th scope=\"col\">2 Nov</th>").contains("<td>90% (9/10)</td>");
        assertThat(table.split("<tr>", -1)).as("two row pairs for ten weeks").hasSize(5);
    }

    @Test
    void holidayWeeksAreLeftOutAndAPeriodWithNoMarksSaysSo() throws Exception {
        var withHoliday = WeeklyChart.of("Ava Example", List.of(week(0, 10, 10), week(1, 0, 0), week(2, 10, 8)), COLFOX);
        assertThat(parse(withHoliday.svg()).getElementsByTagName("rect").getLength()).isEqualTo(2);

        var empty = WeeklyChart.of("Ava Example", List.of(), COLFOX);
        assertThat(parse(empty.svg()).getDocumentElement().getTextContent()).contains("No school weeks with marks in this period");
        assertThat(empty.table()).isEmpty();
    }

    @Test
    void aSchoolWithoutLetterThresholdsGetsPlainBarsAndNoLines() throws Exception {
        Document svg = parse(WeeklyChart.of("the whole school", List.of(week(0, 500, 470)), List.of()).svg());
        assertThat(((Element) svg.getElementsByTagName("rect").item(0)).getAttribute("fill")).isEqualTo(WeeklyChart.PLAIN);
        assertThat(svg.getElementsByTagName("desc").item(0).getTextContent()).doesNotContain("thresholds");
    }

    @Test
    void aTrafficLightsCloseThresholdsKeepTheirLabelsReadablyApart() throws Exception {
        List<WeeklyChart.Threshold> light = List.of(new WeeklyChart.Threshold(new BigDecimal("96"), "96%"), new WeeklyChart.Threshold(new BigDecimal("94"),
                "94%"), new WeeklyChart.Threshold(new BigDecimal("91"), "91%"), new WeeklyChart.Threshold(new BigDecimal("90"), "90%"));
        NodeList texts = parse(WeeklyChart.of("Ava Example", List.of(week(0, 10, 10)), light).svg()).getElementsByTagName("text");
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            if (t.getTextContent().matches("9[0-6]%")) {
                ys.add(Double.parseDouble(t.getAttribute("y")));
            }
        }
        assertThat(ys).hasSize(4);
        for (int i = 1; i < ys.size(); i++) {
            assertThat(ys.get(i) - ys.get(i - 1)).isGreaterThanOrEqualTo(11);
        }
    }

    @Test
    void aNameWithMarkupInItIsTextInTheChartNeverMarkup() throws Exception {
        var chart = WeeklyChart.of("Zoë <b>O'Brien</b> & \"Co\"", List.of(week(0, 10, 10)), COLFOX);
        Document svg = parse(chart.svg());
        assertThat(svg.getElementsByTagName("b").getLength()).isZero();
        assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Attendance by week: Zoë <b>O'Brien</b> & \"Co\"");
    }

    @Test
    void theChartALetterPrintsHasTheSameShapesAndEveryLabelAsTextOverThem() throws Exception {
        var chart = WeeklyChart.of("Ava Example", List.of(week(0, 10, 10), week(1, 10, 9), week(2, 10, 6)), COLFOX);
        Document printed = parse(chart.printed());
        Element svg = (Element) printed.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").item(0);
        Document screen = parse(chart.svg());

        assertThat(svg.getElementsByTagName("text").getLength()).as("no text for Batik to lay out").isZero();
        NodeList rects = screen.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            assertThat(pathWith(svg, "fill", r.getAttribute("fill"))).as("bar " + i).contains("M" + r.getAttribute("x") + " " + r.getAttribute("y") + "h"
                    + r.getAttribute("width") + "v" + r.getAttribute("height") + "h-" + r.getAttribute("width") + "z");
        }
        NodeList lines = screen.getElementsByTagName("line");
        for (int i = 0; i < lines.getLength(); i++) {
            Element l = (Element) lines.item(i);
            assertThat(pathWith(svg, "stroke", l.getAttribute("stroke"))).as("line " + i).contains("M" + l.getAttribute("x1") + " " + l.getAttribute("y1")
                    + "H" + l.getAttribute("x2"));
        }
        assertThat(svg.getElementsByTagName("path").getLength()).as("one path per bar colour (three) and per kind of line (three)").isEqualTo(6);
        List<String> onScreen = new ArrayList<>();
        NodeList texts = screen.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            onScreen.add(texts.item(i).getTextContent());
        }
        List<String> inPrint = new ArrayList<>();
        NodeList spans = printed.getElementsByTagName("span");
        for (int i = 0; i < spans.getLength(); i++) {
            inPrint.add(spans.item(i).getTextContent());
        }
        assertThat(inPrint).as("the same labels, in the same order").isEqualTo(onScreen)
                .contains("100%", "0%", "95%", "90%", "2 Nov", "16 Nov", "Week beginning", "100", "90", "60");
    }

    private static String pathWith(Element svg, String attribute, String value) {
        NodeList paths = svg.getElementsByTagName("path");
        for (int i = 0; i < paths.getLength(); i++) {
            if (((Element) paths.item(i)).getAttribute(attribute).equals(value)) {
                return ((Element) paths.item(i)).getAttribute("d");
            }
        }
        return "";
    }

    @Test
    void eachPrintedLabelSitsWhereTheSvgSetsItsText() throws Exception {
        var chart = WeeklyChart.of("Ava Example", List.of(week(0, 10, 10)), COLFOX);
        Element text = (Element) parse(chart.svg()).getElementsByTagName("text").item(0);
        Element span = (Element) parse(chart.printed()).getElementsByTagName("span").item(0);
        double mmPerUnit = WeeklyChart.PRINT_WIDTH_MM / WeeklyChart.WIDTH;

        assertThat(text.getTextContent()).isEqualTo("0%").isEqualTo(span.getTextContent());
        assertThat(text.getAttribute("text-anchor")).isEqualTo("end");
        String style = span.getAttribute("style");
        double left = mm(style, "left");
        double width = mm(style, "width");
        double top = mm(style, "top");
        double size = mm(style, "font-size");
        assertThat(style).contains("text-align: right");
        assertThat(left + width).as("an end-anchored label ends at x").isCloseTo(Double.parseDouble(text.getAttribute("x")) * mmPerUnit,
                org.assertj.core.data.Offset.offset(0.02));
        assertThat(size).isCloseTo(Double.parseDouble(text.getAttribute("font-size")) * mmPerUnit, org.assertj.core.data.Offset.offset(0.01));
        assertThat(top + size * ChartLabel.BASELINE).as("its baseline on the SVG's").isCloseTo(Double.parseDouble(text.getAttribute("y")) * mmPerUnit,
                org.assertj.core.data.Offset.offset(0.02));
    }

    private static double mm(String style, String property) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:^|; )" + property + ": ([0-9.-]+)mm").matcher(style);
        assertThat(m.find()).as(property + " in " + style).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
