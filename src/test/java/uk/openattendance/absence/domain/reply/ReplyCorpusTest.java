package uk.openattendance.absence.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.openattendance.school.domain.SchoolCalendar;
import uk.openattendance.school.domain.Term;

/**
 * The reader against every per-child corpus: the tuning sets (which it may be tuned on) and the held-out sets (written
 * separately, never read while tuning). For each set it prints how many replies it reads exactly as a careful office
 * would (every child's outcome, and a person asked exactly when the office would ask one) and the harm count: children
 * whose reading would be applied with no person although the office gives them a different code or no code. Misses are
 * printed for the tuning sets only; a held-out set shows its figures and nothing else.
 */
class ReplyCorpusTest {
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final SchoolCalendar CALENDAR = new SchoolCalendar(
            List.of(new Term("2026/27", "Autumn", LocalDate.of(2026, 9, 2), LocalDate.of(2026, 12, 18), LocalDate.of(2026, 10, 26), LocalDate.of(2026, 10, 30))),
            List.of());
    static final ReaderSettings SETTINGS = new ReaderSettings(5, 0.8);

    record Child(RollChild roll, String expected) {}

    record Reply(String id, String text, List<Child> children, String review) {}

    record Figures(int exact, int read, int harm, int children, int reviewsRight, List<String> misses) {}

    @Test
    void theTuningSetsAreReadChildByChildWithNoChildHarmed() throws Exception {
        for (String set : List.of("tuning-1", "tuning-2", "tuning-3", "tuning-4")) {
            List<Reply> replies = load("/sms-replies-" + set + ".tsv");
            assertThat(replies).as(set).isNotEmpty();
            Figures f = measure(replies);
            print(set, f);
            f.misses().forEach(System.out::println);
            assertThat(f.harm()).as(set + ": children harmed").isZero();
            assertThat(100.0 * f.exact() / f.read()).as(set + ": replies read exactly right (%)").isGreaterThanOrEqualTo(MINIMUM_EXACT.get(set));
        }
    }

    /** What the reader honestly reaches on each tuning set, so a change that reads worse fails. */
    // tuning-3's floor came down from 95 when a late arrival beside words of illness went to a person (ApplyGate.competing):
    // "she's got a headache, I'll bring her in at 11" is one such reply it now sends to the office, for fewer children harmed
    // and tuning-2's from 95 to 94 when tuning set 11 (terse, misspelt and other-language texts) joined the training
    private static final java.util.Map<String, Double> MINIMUM_EXACT = java.util.Map.of("tuning-1", 95.0, "tuning-2", 94.0, "tuning-3", 90.0, "tuning-4", 75.0);

    /**
     * Tuning sets 5 and 6 (written independently, for tuning) that the reader on this branch was not yet tuned on:
     * printed, not held to a floor, until a reader tuned on them lands without raising the held-out harm.
     */
    @Test
    void theNewTuningSetsAreWellFormedAndTheirFiguresArePrinted() throws Exception {
        for (String set : List.of("tuning-5", "tuning-6", "tuning-7", "tuning-8", "tuning-9", "tuning-11")) {
            List<Reply> replies = load("/sms-replies-" + set + ".tsv");
            assertThat(replies).as(set).isNotEmpty();
            Figures f = measure(replies);
            print(set, f);
            f.misses().forEach(System.out::println);
        }
    }

    @Test
    void theHeldOutSetsAreWellFormedAndTheirFiguresArePrintedWithoutTheirLines() throws Exception {
        for (String set : List.of("held-out-1", "held-out-2", "held-out-3", "held-out-4", "held-out-5", "held-out-6", "held-out-8", "held-out-9", "held-out-10", "held-out-11", "held-out-12")) {
            if (ReplyCorpusTest.class.getResource("/sms-replies-" + set + ".tsv") == null) {
                continue;
            }
            List<Reply> replies = load("/sms-replies-" + set + ".tsv");
            assertThat(replies).as(set).isNotEmpty();
            Figures f = measure(replies);
            print(set, f);
        }
    }

    private static void print(String set, Figures f) {
        System.out.printf("[figure] replies %s: exact %d of %d (%.1f%%); harm %d of %d children; reviews right %d of %d%n", set, f.exact(), f.read(),
                100.0 * f.exact() / f.read(), f.harm(), f.children(), f.reviewsRight(), f.read());
    }

    /** How a reply is read: the reader as shipped, or (cross-validation) the reader with a model trained on other folds. */
    interface Reader {
        ReplyReading read(String text, List<RollChild> roll);
    }

    static Figures measure(List<Reply> replies) {
        return measure(replies, (text, roll) -> ReplyReader.read(text, roll, MONDAY, CALENDAR, SETTINGS));
    }

    static Figures measure(List<Reply> replies, Reader reader) {
        int exact = 0;
        int read = 0;
        int harm = 0;
        int children = 0;
        int reviewsRight = 0;
        List<String> misses = new ArrayList<>();
        for (Reply r : replies) {
            if (r.review().startsWith("KEYWORD:")) {
                continue; // STOP, START, HELP belong to the opt-out handler, not the reader
            }
            read++;
            List<RollChild> roll = r.children().stream().map(Child::roll).toList();
            ReplyReading reading = reader.read(r.text(), roll);
            boolean expectReview = r.review().startsWith("REVIEW:");
            boolean right = reading.forAPerson() == expectReview;
            StringBuilder got = new StringBuilder();
            for (int i = 0; i < r.children().size(); i++) {
                Child c = r.children().get(i);
                ReplyReading.ChildReading cr = reading.children().get(i);
                String notation = cr.outcome().notation();
                children++;
                right &= notation.equals(c.expected());
                if (cr.outcome() instanceof ChildOutcome.Coded coded && coded.applies() && !c.expected().startsWith(coded.code() + "..")) {
                    harm++;
                    got.append(" HARM");
                }
                if (cr.outcome() instanceof ChildOutcome.Late && !c.expected().equals("LATE")) {
                    // a late arrival is applied too: the child leaves the first-day chain
                    harm++;
                    got.append(" HARM");
                }
                got.append(' ').append(c.roll().legalForename()).append('=').append(notation)
                        .append(cr.outcome() instanceof ChildOutcome.Coded coded && coded.applies() ? "(applied)" : "");
            }
            Set<String> expectedReasons = expectReview
                    ? new TreeSet<>(List.of(r.review().substring("REVIEW:".length()).split("[,+ ]+"))) : new TreeSet<>();
            Set<String> gotReasons = reading.reviews().stream().map(ReviewReason::label).collect(Collectors.toCollection(TreeSet::new));
            reviewsRight += expectedReasons.equals(gotReasons) ? 1 : 0;
            if (right) {
                exact++;
            } else {
                misses.add("  " + r.id() + " expected " + r.children().stream().map(c -> c.roll().legalForename() + "=" + c.expected())
                        .collect(Collectors.joining(" ")) + " " + r.review() + " | got" + got + " " + gotReasons + " | " + r.text());
            }
        }
        return new Figures(exact, read, harm, children, reviewsRight, misses);
    }

    static List<Reply> load(String resource) throws Exception {
        List<Reply> out = new ArrayList<>();
        InputStream stream = ReplyCorpusTest.class.getResourceAsStream(resource);
        assertThat(stream).as(resource).isNotNull();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                assertThat(f.length).as(resource + ": six tab-separated columns in " + (f.length > 0 ? f[0] : "?")).isGreaterThanOrEqualTo(5);
                String review = f[4].strip();
                assertThat(review).as(f[0] + ": review column").matches("AUTO|REVIEW:[a-z,+ -]+|KEYWORD:[A-Z]+");
                String[] roll = f[2].split(",\\s*");
                String[] expected = review.startsWith("KEYWORD:") ? new String[0] : f[3].split(";\\s*");
                assertThat(review.startsWith("KEYWORD:") || expected.length == roll.length).as(f[0] + ": one outcome per child on the roll").isTrue();
                List<Child> children = new ArrayList<>();
                for (int i = 0; i < roll.length; i++) {
                    String entry = roll[i].strip();
                    boolean absent = entry.endsWith("*");
                    String[] nameAndSex = entry.replace("*", "").split(":");
                    String[] names = nameAndSex[0].split("/");
                    RollChild.Sex sex = nameAndSex.length < 2 ? RollChild.Sex.UNKNOWN
                            : nameAndSex[1].strip().equals("M") ? RollChild.Sex.MALE : nameAndSex[1].strip().equals("F") ? RollChild.Sex.FEMALE : RollChild.Sex.UNKNOWN;
                    String outcome = "-";
                    if (expected.length > 0) {
                        outcome = expected[i].strip();
                        assertThat(outcome).as(f[0] + ": outcomes in roll order").startsWith(names[0] + "=");
                        outcome = outcome.substring(names[0].length() + 1);
                        assertThat(outcome).as(f[0] + ": outcome notation").matches("[A-Z]\\.\\.\\d{4}-\\d{2}-\\d{2}|LATE|PERSON|UNEXPLAINED|NONE");
                        assertThat(absent || outcome.equals("NONE")).as(f[0] + ": a child present today gets no absence outcome").isTrue();
                    }
                    children.add(new Child(new RollChild(i + 1, names[0], names.length > 1 ? names[1] : null, sex, absent), outcome));
                }
                out.add(new Reply(f[0], f[1], children, review));
            }
        }
        return out;
    }
}
