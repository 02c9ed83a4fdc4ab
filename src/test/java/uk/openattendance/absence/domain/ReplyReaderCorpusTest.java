package uk.openattendance.absence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The reply reader against a corpus of realistic replies (src/test/resources/sms-replies.tsv). Prints the share read
 * as a careful office would; a reply read with the wrong category or children counts as wrong, and so does a reply
 * sent for review that should have been, or a safeguarding reply read automatically (which fails the test outright).
 */
class ReplyReaderCorpusTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    record Case(String text, List<ReplyReader.Child> children, String expected, LocalDate lastDay) {}

    @Test
    void readsAtLeastNineInTenRepliesAsTheOfficeWouldAndNeverAutomatesASafeguardingReply() throws Exception {
        List<Case> cases = corpus();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        int right = 0;
        List<String> wrong = new ArrayList<>();
        List<String> automatedSafeguarding = new ArrayList<>();
        for (Case c : cases) {
            ReplyReader.Reading r = ReplyReader.read(c.text(), c.children(), MONDAY);
            String got = describe(r, c.children());
            boolean ok = got.equals(c.expected()) && (c.lastDay() == null || !r.confident() || Objects.equals(r.lastDate(), c.lastDay()));
            if (ok) {
                right++;
            } else {
                wrong.add("  \"" + c.text() + "\" expected " + c.expected() + (c.lastDay() == null ? "" : " to " + c.lastDay()) + ", read " + got
                        + (r.confident() ? " to " + r.lastDate() : ""));
            }
            if (c.expected().equals("REVIEW SAFEGUARDING") && r.confident()) {
                automatedSafeguarding.add(c.text());
            }
        }
        double share = 100.0 * right / cases.size();
        System.out.printf("[figure] SMS reply corpus: %d of %d read correctly (%.1f%%)%n", right, cases.size(), share);
        wrong.forEach(System.out::println);
        assertThat(automatedSafeguarding).as("safeguarding replies read automatically instead of reaching a person").isEmpty();
        assertThat(share).isGreaterThanOrEqualTo(90.0);
    }

    private static String describe(ReplyReader.Reading r, List<ReplyReader.Child> children) {
        if (!r.confident()) {
            return "REVIEW " + r.review();
        }
        List<String> names = r.pupilIds().stream().map(id -> children.stream().filter(c -> c.pupilId() == id).findFirst().orElseThrow().firstName())
                .sorted().toList();
        return r.category() + " " + String.join(",", names);
    }

    /** Replies written after tuning and never tuned against: the honest figure for replies the reader has not seen. */
    @Test
    void readsMostHeldOutRepliesAndSendsEverySafeguardingOneToAPerson() throws Exception {
        List<Case> cases = corpus("/sms-replies-held-out.tsv");
        int right = 0;
        List<String> automatedSafeguarding = new ArrayList<>();
        for (Case c : cases) {
            ReplyReader.Reading r = ReplyReader.read(c.text(), c.children(), MONDAY);
            String got = describe(r, c.children());
            if (got.equals(c.expected()) && (c.lastDay() == null || !r.confident() || Objects.equals(r.lastDate(), c.lastDay()))) {
                right++;
            } else {
                System.out.println("  held out: \"" + c.text() + "\" expected " + c.expected() + ", read " + got);
            }
            if (c.expected().equals("REVIEW SAFEGUARDING") && r.confident()) {
                automatedSafeguarding.add(c.text());
            }
        }
        System.out.printf("[figure] SMS reply held-out set: %d of %d read correctly (%.1f%%)%n", right, cases.size(), 100.0 * right / cases.size());
        assertThat(automatedSafeguarding).isEmpty();
        assertThat(100.0 * right / cases.size()).isGreaterThanOrEqualTo(75.0);
    }

    private static List<Case> corpus() throws Exception {
        return corpus("/sms-replies.tsv");
    }

    private static List<Case> corpus(String resource) throws Exception {
        List<Case> out = new ArrayList<>();
        AtomicLong ids = new AtomicLong(1000);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(ReplyReaderCorpusTest.class.getResourceAsStream(resource)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                List<ReplyReader.Child> children = Arrays.stream(f[1].split(",")).map(n -> new ReplyReader.Child(ids.incrementAndGet(),
                        n.replace("*", ""), n.endsWith("*"))).toList();
                out.add(new Case(f[0], children, f[2], f.length > 3 ? LocalDate.parse(f[3]) : null));
            }
        }
        return out;
    }
}
