package uk.openattendance.letters.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.openattendance.letters.domain.WeeklyChart;

/** The renderer's own guard, under the sanitiser: a document it is handed raw still makes it load nothing. */
class LetterRendererTest {
    HttpServer internal;
    final List<String> hits = new CopyOnWriteArrayList<>();
    @TempDir Path dir;

    @BeforeEach
    void listen() throws Exception {
        internal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        internal.createContext("/", exchange -> {
            hits.add(exchange.getRequestURI().toString());
            byte[] css = "p { color: red }".getBytes();
            exchange.sendResponseHeaders(200, css.length);
            exchange.getResponseBody().write(css);
            exchange.close();
        });
        internal.start();
    }

    @AfterEach
    void stop() {
        internal.stop(0);
    }

    @Test
    void aDocumentAskingForPicturesStyleSheetsFontsAndFilesMakesTheRendererLoadNothingAtAll() throws Exception {
        String at = "http://127.0.0.1:" + internal.getAddress().getPort();
        Path secret = Files.writeString(dir.resolve("secret.css"), "p { color: blue }");
        String html = "<html><head><link rel=\"stylesheet\" href=\"" + at + "/linked.css\"/>"
                + "<link rel=\"stylesheet\" href=\"" + secret.toUri() + "\"/>"
                + "<style>@import url(" + at + "/imported.css); @font-face { font-family: X; src: url(" + at + "/font.ttf); } "
                + "body { background: url(" + at + "/background.png); font-family: X; }</style></head><body>"
                + "<p>Dear parents,</p><img src=\"" + at + "/pixel.png\"/><img src=\"" + secret.toUri() + "\"/>"
                + "<p style=\"background-image: url(" + at + "/inline.png)\">x</p>"
                + "<object data=\"" + at + "/object.svg\" type=\"image/svg+xml\"></object>"
                + "<a href=\"" + at + "/attachment.txt\" download=\"a.txt\" relationship=\"Data\">attachment</a>"
                + "<iframe src=\"" + at + "/frame.html\"></iframe></body></html>";

        byte[] pdf = new LetterRenderer().render(html, 1);

        assertThat(hits).as("requests the render made to the internal server").isEmpty();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Dear parents");
            assertThat(doc.getDocumentCatalog().getNames() == null || doc.getDocumentCatalog().getNames().getEmbeddedFiles() == null)
                    .as("no file embedded").isTrue();
        }
    }

    @Test
    void aDocumentDeclaringAnEntityIsRefusedAndTheEntityNeverFetched() {
        String at = "http://127.0.0.1:" + internal.getAddress().getPort();
        String html = "<!DOCTYPE html [<!ENTITY secret SYSTEM \"" + at + "/entity.txt\">]><html><body><p>&secret;</p></body></html>";

        assertThatThrownBy(() -> new LetterRenderer().render(html, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DOCTYPE");
        assertThat(hits).as("requests the render made to the internal server").isEmpty();
    }

    @Test
    void aLettersChartIsDrawnWithItsThresholdsWeeksAndFiguresAsTextInThePdf() throws Exception {
        List<WeeklyChart.Week> weeks = List.of(new WeeklyChart.Week(LocalDate.of(2026, 11, 2), 10, 10), new WeeklyChart.Week(LocalDate.of(2026, 11, 9), 10, 7));
        WeeklyChart.Chart chart = WeeklyChart.of("Ava Example", weeks, List.of(new WeeklyChart.Threshold(new BigDecimal("95"), "95%"),
                new WeeklyChart.Threshold(new BigDecimal("90"), "90%")));

        byte[] pdf = new LetterRenderer().pages(List.of(new LetterRenderer.LetterPage("<p>Dear parents,</p>", "<div class=\"chart\">" + chart.printed()
                + "</div>", "<p>Yours sincerely,</p>")));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Dear parents").contains("95%").contains("90%").contains("100%").contains("0%").contains("2 Nov").contains("9 Nov")
                    .contains("Week beginning").contains("70").contains("Yours sincerely");
            assertThat(doc.getPage(0).getResources().getXObjectNames()).as("the SVG's shapes, drawn by Batik as a form").isNotEmpty();
        }
    }
}
