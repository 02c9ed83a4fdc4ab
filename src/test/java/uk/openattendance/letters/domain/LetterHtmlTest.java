package uk.openattendance.letters.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class LetterHtmlTest {
    static final String AT = "http://127.0.0.1:9/";

    static Stream<Arguments> htmlThatWouldFetchOrRun() {
        return Stream.of(
                Arguments.of("<p>Hi</p><img src=\"" + AT + "x.png\"/>", "<img>"),
                Arguments.of("<p>Hi<IMG SRC=\"" + AT + "x.png\"></p>", "<img>"),
                Arguments.of("<link rel=\"stylesheet\" href=\"" + AT + "s.css\"/><p>Hi</p>", "<link>"),
                Arguments.of("<p style=\"background: url(" + AT + "bg.png)\">Hi</p>", "style of a <p>"),
                Arguments.of("<p style=\"background: u\\72l(" + AT + "bg.png)\">Hi</p>", "style of a <p>"),
                Arguments.of("<p style=\"background: image-set('" + AT + "bg.png' 1x)\">Hi</p>", "style of a <p>"),
                Arguments.of("<style>@import url(" + AT + "i.css);</style><p>Hi</p>", "<style>"),
                Arguments.of("<iframe src=\"" + AT + "f\"></iframe>", "<iframe>"),
                Arguments.of("<script src=\"" + AT + "s.js\"></script>", "<script>"),
                Arguments.of("<object data=\"file:///etc/passwd\"></object>", "<object>"),
                Arguments.of("<embed src=\"data:image/svg+xml;base64,PHN2Zy8+\"/>", "<embed>"),
                Arguments.of("<svg><image href=\"" + AT + "s.png\"/></svg>", "<svg>"),
                Arguments.of("<p><a href=\"file:///etc/passwd\">x</a></p>", "file:///etc/passwd"),
                Arguments.of("<p><a href=\"javascript:alert(1)\">x</a></p>", "javascript:alert(1)"),
                Arguments.of("<p><a href=\"" + AT + "doc.pdf\" download=\"x.pdf\">x</a></p>", "download attribute"),
                Arguments.of("<p background=\"" + AT + "bg.png\">x</p>", "background attribute on <p>"),
                Arguments.of("<table><tr><td background=\"" + AT + "bg.png\">x</td></tr></table>", "background attribute on <td>"),
                Arguments.of("<base href=\"" + AT + "\"/><p>x</p>", "<base>"));
    }

    @ParameterizedTest
    @MethodSource("htmlThatWouldFetchOrRun")
    void whatWouldFetchOrRunIsNamedAndCleanedAway(String html, String named) {
        assertThat(String.join("; ", LetterHtml.notAllowed(html))).contains(named);
        String clean = LetterHtml.clean(html);
        assertThat(clean).doesNotContain("src=", "file:", "javascript:", "data:", "<style", "<img", "<link", "url(", "download", "background",
                "<base", "<svg", "\\");
        assertThat(LetterHtml.notAllowed(clean)).isEmpty();
    }

    @Test
    void everyBuiltInTemplateIsAllowedAndKeepsItsFieldsAndFormattingWhenCleaned() {
        for (String kind : List.of("ATTENDANCE", "ATTENDANCE_MEETING", "MEDICAL_EVIDENCE", "PUNCTUALITY", "PENALTY_WARNING", "LEAVE_DECISION",
                "IMPROVEMENT_MEETING", "START_OF_YEAR")) {
            String body = DefaultLetters.of(kind, false).body();
            assertThat(LetterHtml.notAllowed(body)).as(kind).isEmpty();
            assertThat(LetterHtml.clean(body)).as(kind).isEqualTo(body);
        }
    }

    @Test
    void theOfficesOwnFormattingIsAllowed() {
        String html = "<h3>Our plan</h3><p style=\"text-align: right; color: #333\">Dear {{parents}},</p><ul><li><em>Monday</em></li></ul>"
                + "<table border=\"1\"><tbody><tr><td colspan=\"2\">{{figures.attendancePercent}}%</td></tr></tbody></table>"
                + "<p><a href=\"mailto:office@example.org\">office@example.org</a> or <a href=\"https://school.example.org/attendance\">our page</a></p>";
        assertThat(LetterHtml.notAllowed(html)).isEmpty();
        assertThat(LetterHtml.clean(html)).isEqualTo(html);
    }
}
