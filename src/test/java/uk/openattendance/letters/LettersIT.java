package uk.openattendance.letters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.RealProviders;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.fixtures.TwilioFake;
import uk.openattendance.notify.app.Dispatcher;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SubmitRegister;
import uk.openattendance.roll.app.Characteristics;
import uk.openattendance.roll.app.ContactCommand;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Role;

/**
 * Letters over a driven half term with real parts: registers taken week by week, the letter run each Friday, the office
 * approving, and the letters arriving by email (GreenMail) with their PDFs, whose text is read back with PDFBox.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LettersIT implements TestPropertyProvider {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 11, 2);
    static final Actor SYSTEM = Actor.bootstrap("tests");

    TwilioFake twilio;
    GreenMail smtp;

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject RegisterService registers;
    @Inject ContactService contacts;
    @Inject Dispatcher dispatcher;
    @Inject ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        twilio = RealProviders.twilio();
        smtp = RealProviders.smtp();
        return RealProviders.properties(twilio, smtp);
    }

    @AfterAll
    void stop() {
        twilio.close();
        smtp.stop();
    }

    @BeforeEach
    void fresh() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    record School(TestWorld.School school, String office, String head, Api api) {
        String base() {
            return "/api/v1/schools/" + school.id();
        }
    }

    School school(String preset) {
        clock.set(LocalDateTime.of(FIRST_MONDAY, LocalTime.of(8, 0)), LONDON);
        TestWorld.School s = world.school(world.trust(), preset);
        Api api = new Api(server.getURL().toString());
        return new School(s, world.staffLogin(api, Role.OFFICE, s.id(), null), world.staffLogin(api, Role.HEADTEACHER, s.id(), null), api);
    }

    PupilView pupil(School s, String forename, String surname) {
        return world.pupil(s.school(), forename, surname, FIRST_MONDAY, 0, Characteristics.none());
    }

    void parent(School s, PupilView p, String name, String relationship, boolean livesWith, String email) {
        contacts.addContact(SYSTEM, s.school().id(), p.id(), new ContactCommand(name, relationship, true, livesWith, livesWith ? 1 : 2,
                String.format("07700 900%03d", TestWorld.next() % 1000), email, email == null ? Channel.SMS : Channel.EMAIL, false, null));
    }

    /** A school week's registers, each taken in its session; absent: pupil -> the sessions ("0AM" = Monday morning) they were off ill. */
    void week(School s, LocalDate monday, List<PupilView> everyone, Map<PupilView, List<String>> absent) {
        for (int day = 0; day < 5; day++) {
            for (Session session : Session.values()) {
                clock.set(LocalDateTime.of(monday.plusDays(day), session == Session.AM ? LocalTime.of(8, 55) : LocalTime.of(13, 15)), LONDON);
                List<SubmitRegister.Entry> marks = new ArrayList<>();
                for (PupilView p : everyone) {
                    boolean off = absent.getOrDefault(p, List.of()).contains(day + session.name());
                    marks.add(new SubmitRegister.Entry(p.id(), off ? "I" : "/", null, null, null));
                }
                registers.submit(SYSTEM, s.school().id(), monday.plusDays(day), session, new SubmitRegister(marks, null));
            }
        }
        clock.set(LocalDateTime.of(monday.plusDays(4), LocalTime.of(16, 0)), LONDON);
    }

    JsonNode run(School s, LocalDate asOf) {
        var r = s.api().post(s.base() + "/letter-runs", s.office(), "{\"asOf\":\"" + asOf + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    static byte[] attachment(MimeMessage m) throws Exception {
        Multipart parts = (Multipart) m.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() != null && part.getFileName().endsWith(".pdf")) {
                assertThat(part.getContentType()).startsWith("application/pdf");
                return part.getInputStream().readAllBytes();
            }
        }
        throw new AssertionError("no PDF attached to " + m.getSubject());
    }

    @Test
    void overAHalfTermEachCrossingIsWrittenAboutOnceTheThirdIsEscalatedAndLettersArriveWithTheirPdf() throws Exception {
        School s = school(PolicyPresets.SECONDARY_ACADEMY_DORSET);
        PupilView steady = pupil(s, "Theo", "Steady");
        PupilView dip = pupil(s, "Maya", "Dipping");
        PupilView excused = pupil(s, "Lowri", "Excused");
        parent(s, dip, "Sioned Dipping", "Mother", true, "sioned.dipping@example.org");
        parent(s, dip, "Owain Dipping", "Father", false, "owain.dipping@example.org");
        parent(s, excused, "Carys Excused", "Mother", true, "carys.excused@example.org");
        List<PupilView> all = List.of(steady, dip, excused);
        var exception = s.api().post(s.base() + "/letter-exceptions", s.office(), "{\"pupilId\":" + excused.id() + ",\"kind\":\"ATTENDANCE\","
                + "\"reason\":\"Known medical condition: consultant's letter on file\",\"fromDate\":\"" + FIRST_MONDAY + "\"}");
        assertThat(exception.status()).as(exception.body()).isEqualTo(201);

        // week 1: Maya off Monday morning (90.0%: below 95), Lowri off Monday and Tuesday (60%: below 90, but excepted)
        week(s, FIRST_MONDAY, all, Map.of(dip, List.of("0AM"), excused, List.of("0AM", "0PM", "1AM", "1PM")));
        JsonNode first = run(s, FIRST_MONDAY.plusDays(4));
        assertThat(first.get("drafted").asInt()).as(first.toString()).isEqualTo(1);
        assertThat(first.get("suppressed").asInt()).isEqualTo(1);
        assertThat(run(s, FIRST_MONDAY.plusDays(4)).get("drafted").asInt()).as("not again for the same crossing").isZero();

        JsonNode drafts = s.api().get(s.base() + "/letters?status=DRAFT", s.office()).json().get("items");
        assertThat(drafts.size()).isEqualTo(1);
        JsonNode letter = drafts.get(0);
        assertThat(letter.get("pupilName").asText()).isEqualTo("Maya Dipping");
        assertThat(letter.get("kind").asText()).isEqualTo("ATTENDANCE_BELOW_95");
        assertThat(letter.get("bodyHtml").asText()).contains("90.0%").contains("9 of 10 possible sessions");

        var edited = s.api().put(s.base() + "/letters/" + letter.get("id").asLong(), s.office(), "{\"subject\":\"Maya's attendance\",\"bodyHtml\":\""
                + letter.get("bodyHtml").asText().replace("\"", "\\\"") + "<p>Mrs Hughes, Head of Year 9, will call you this week.</p>\",\"version\":"
                + letter.get("version").asLong() + "}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        var approved = s.api().post(s.base() + "/letters/approvals", s.office(), "{\"letterIds\":[" + letter.get("id").asLong() + "]}");
        assertThat(approved.json().get("approved").asInt()).isEqualTo(1);
        var emailed = s.api().post(s.base() + "/letters/emails", s.office(), "{\"letterIds\":[" + letter.get("id").asLong() + "]}");
        assertThat(emailed.json().get("emails").asInt()).as("mother and the father who lives elsewhere").isEqualTo(2);
        dispatcher.dispatchDue(List.of(s.school().id()));

        MimeMessage[] mail = smtp.getReceivedMessages();
        assertThat(mail).hasSize(2);
        assertThat(List.of(mail[0].getAllRecipients()[0].toString(), mail[1].getAllRecipients()[0].toString()))
                .containsExactlyInAnyOrder("sioned.dipping@example.org", "owain.dipping@example.org");
        String text = pdfText(attachment(mail[0]));
        assertThat(text).contains("Maya's attendance").contains("90.0%").contains("9 of 10").contains("possible sessions")
                .contains("Mrs Hughes, Head of Year 9").contains("Sioned Dipping and Owain Dipping");

        // weeks 2 to 5: Maya recovers, dips again (second time at this level), recovers, dips a third time: treated as below 90
        week(s, FIRST_MONDAY.plusWeeks(1), all, Map.of());
        assertThat(run(s, FIRST_MONDAY.plusWeeks(1).plusDays(4)).get("drafted").asInt()).isZero();
        week(s, FIRST_MONDAY.plusWeeks(2), all, Map.of(dip, List.of("2PM")));
        assertThat(run(s, FIRST_MONDAY.plusWeeks(2).plusDays(4)).get("drafted").asInt()).isEqualTo(1);
        week(s, FIRST_MONDAY.plusWeeks(3), all, Map.of());
        assertThat(run(s, FIRST_MONDAY.plusWeeks(3).plusDays(4)).get("drafted").asInt()).isZero();
        week(s, FIRST_MONDAY.plusWeeks(4), all, Map.of(dip, List.of("4AM")));
        assertThat(run(s, FIRST_MONDAY.plusWeeks(4).plusDays(4)).get("drafted").asInt()).isEqualTo(1);

        JsonNode backwards = run(s, FIRST_MONDAY.plusWeeks(2).plusDays(4));
        assertThat(backwards.get("drafted").asInt()).as("a run for an earlier Friday does not count crossings again").isZero();
        assertThat(backwards.get("ladderNote").asText()).contains("already run as of " + FIRST_MONDAY.plusWeeks(4).plusDays(4));

        JsonNode history = s.api().get(s.base() + "/pupils/" + dip.id() + "/letters", s.office()).json().get("items");
        assertThat(StreamSupport.stream(history.spliterator(), false).map(l -> l.get("kind").asText()).toList())
                .containsExactly("ATTENDANCE_BELOW_90", "ATTENDANCE_BELOW_95", "ATTENDANCE_BELOW_95");
        assertThat(history.get(0).get("bodyHtml").asText()).contains("third time in succession").contains("meet");
        assertThat(history.get(2).get("approvedBy").asText()).contains("Office");
        assertThat(history.get(2).get("status").asText()).isEqualTo("SENT");

        JsonNode lowri = s.api().get(s.base() + "/pupils/" + excused.id() + "/letters", s.office()).json().get("items");
        assertThat(lowri.size()).isEqualTo(1);
        assertThat(lowri.get(0).get("status").asText()).isEqualTo("SUPPRESSED");
        assertThat(lowri.get(0).get("suppressedReason").asText()).contains("Known medical condition");
        assertThat(s.api().get(s.base() + "/pupils/" + steady.id() + "/letters", s.office()).json().get("items").size()).isZero();
    }

    @Test
    void aFamilyWithoutEmailGetsTheirLetterInThePrintRunAndOtherSchoolsLettersAreOutOfReach() throws Exception {
        School s = school(PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        PupilView posted = pupil(s, "Alfie", "Bypost");
        parent(s, posted, "Jo Bypost", "Mother", true, null);
        week(s, FIRST_MONDAY, List.of(posted), Map.of(posted, List.of("2AM", "2PM")));
        run(s, FIRST_MONDAY.plusDays(4));
        long id = s.api().get(s.base() + "/letters?status=DRAFT", s.office()).json().get("items").get(0).get("id").asLong();
        s.api().post(s.base() + "/letters/approvals", s.office(), "{\"letterIds\":[" + id + "]}");
        var emailed = s.api().post(s.base() + "/letters/emails", s.office(), "{\"letterIds\":[" + id + "]}").json();
        assertThat(emailed.get("noEmailAddress").get(0).asLong()).isEqualTo(id);

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURL() + s.base() + "/letters/print-runs"))
                .header("Authorization", s.office()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"letterIds\":[" + id + "]}")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdfText(pdf.body())).contains("Alfie Bypost").contains("To Jo Bypost");
        assertThat(s.api().get(s.base() + "/letters/" + id, s.office()).json().get("status").asText()).isEqualTo("PRINTED");

        School other = school(PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        assertThat(other.api().get(other.base() + "/letters/" + id, other.office()).status()).isEqualTo(404);
        assertThat(other.api().get(s.base() + "/letters/" + id, other.office()).status()).as("another school's letters are not found").isEqualTo(404);
        var approveElsewhere = other.api().post(other.base() + "/letters/approvals", other.office(), "{\"letterIds\":[" + id + "]}").json();
        assertThat(approveElsewhere.get("approved").asInt()).isZero();
    }

    @Test
    void overGraphqlTheOfficeRunsTheTrafficLightLettersApprovesThemAndSeesThemInThePupilsHistory() {
        School s = school(PolicyPresets.CHURCH_TRUST_TRAFFIC_LIGHT);
        PupilView red = pupil(s, "Elsie", "Redlight");
        PupilView fine = pupil(s, "Harri", "Greenlight");
        parent(s, red, "Mali Redlight", "Mother", true, "mali.redlight@example.org");
        week(s, FIRST_MONDAY, List.of(red, fine), Map.of(red, List.of("3PM")));
        long school = s.school().id();

        var badDate = s.api().graphql(s.office(), "mutation { runLetters(schoolId: " + school + ", asOf: \"06/11/2026\") { drafted } }").json();
        assertThat(badDate.at("/errors/0/extensions/code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(badDate.at("/errors/0/extensions/errors/0/field").asText()).isEqualTo("asOf");

        var ran = s.api().graphql(s.office(), "mutation { runLetters(schoolId: " + school + ", asOf: \"" + FIRST_MONDAY.plusDays(4) + "\") { asOf "
                + "pupilsChecked drafted suppressed byKind { kind count } } }");
        JsonNode run = ran.json().at("/data/runLetters");
        assertThat(run.get("drafted").asInt()).as(ran.body()).isEqualTo(1);
        assertThat(run.get("pupilsChecked").asInt()).isEqualTo(2);
        assertThat(run.at("/byKind/0/kind").asText()).isEqualTo("ATTENDANCE_RED");

        JsonNode drafts = s.api().graphql(s.office(), "{ letters(schoolId: " + school + ", status: \"DRAFT\") { nodes { id databaseId pupilName kind facts bodyHtml } } }")
                .json().at("/data/letters/nodes");
        assertThat(drafts.size()).isEqualTo(1);
        assertThat(drafts.get(0).get("pupilName").asText()).isEqualTo("Elsie Redlight");
        assertThat(drafts.get(0).get("facts").asText()).contains("90.0");
        String id = drafts.get(0).get("id").asText();

        var approved = s.api().graphql(s.office(), "mutation { approveLetters(schoolId: " + school + ", letterIds: [\"" + id + "\"]) { approved notDrafts } }");
        assertThat(approved.json().at("/data/approveLetters/approved").asInt()).as(approved.body()).isEqualTo(1);
        var discardApproved = s.api().graphql(s.office(), "mutation { discardLetters(schoolId: " + school + ", letterIds: [\"" + id + "\"]) { approved "
                + "notDrafts } }").json().at("/data/discardLetters");
        assertThat(discardApproved.get("approved").asInt()).as("an approved letter is no longer a draft to discard").isZero();
        assertThat(discardApproved.at("/notDrafts/0").asText()).as("the letter, by the id REST uses").isEqualTo(drafts.get(0).get("databaseId").asText());

        JsonNode history = s.api().graphql(s.office(), "{ pupilLetters(schoolId: " + school + ", pupilId: \"" + red.id() + "\") { nodes { kind status approvedBy "
                + "approvedAt } } }").json().at("/data/pupilLetters/nodes");
        assertThat(history.size()).isEqualTo(1);
        assertThat(history.get(0).get("status").asText()).isEqualTo("APPROVED");
        assertThat(history.get(0).get("approvedBy").asText()).contains("Office");
        assertThat(s.api().graphql(s.office(), "{ pupilLetters(schoolId: " + school + ", pupilId: \"" + fine.id() + "\") { nodes { id } } }").json()
                .at("/data/pupilLetters/nodes").size()).isZero();

        School other = school(PolicyPresets.CHURCH_TRUST_TRAFFIC_LIGHT);
        assertThat(other.api().graphql(other.office(), "{ letter(schoolId: " + school + ", id: \"" + id + "\") { subject } }").json()
                .at("/errors/0/extensions/code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void anImprovementMeetingIsRecordedAsALetterWithThePlanAndReviewDateAndStartOfYearLettersGoToEveryPupilOnce() {
        School s = school(PolicyPresets.SECONDARY_ACADEMY_DORSET);
        PupilView ruby = pupil(s, "Ruby", "Meeting");
        PupilView sam = pupil(s, "Sam", "Classmate");
        week(s, FIRST_MONDAY, List.of(ruby, sam), Map.of(ruby, List.of("0AM", "0PM", "1AM")));
        String path = s.base() + "/pupils/" + ruby.id() + "/improvement-meetings";
        String meeting = "{\"heldOn\":\"" + FIRST_MONDAY.plusDays(4) + "\",\"plan\":\"Ruby will use the breakfast club on Mondays; her form tutor "
                + "will check in each morning.\",\"reviewDate\":\"" + FIRST_MONDAY.plusWeeks(4) + "\"}";

        var backwards = s.api().post(path, s.office(), meeting.replace(FIRST_MONDAY.plusWeeks(4).toString(), FIRST_MONDAY.toString()));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().at("/errors/0/field").asText()).isEqualTo("reviewDate");
        var recorded = s.api().post(path, s.office(), meeting);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("kind").asText()).isEqualTo("IMPROVEMENT_MEETING");
        assertThat(recorded.json().get("status").asText()).isEqualTo("DRAFT");
        assertThat(recorded.json().get("bodyHtml").asText()).contains("breakfast club").contains("30 November 2026").contains("70.0%");
        assertThat(s.api().post(path, s.office(), meeting).json().get("id").asLong()).as("the same meeting is one letter")
                .isEqualTo(recorded.json().get("id").asLong());

        School other = school(PolicyPresets.SECONDARY_ACADEMY_DORSET);
        assertThat(other.api().post(other.base() + "/pupils/" + ruby.id() + "/improvement-meetings", other.office(), meeting).status()).isEqualTo(404);

        String startOfYear = "mutation { draftStartOfYearLetters(schoolId: " + s.school().id() + ") { drafted pupilsChecked } }";
        assertThat(s.api().graphql(s.office(), startOfYear).json().at("/data/draftStartOfYearLetters/drafted").asInt()).isEqualTo(2);
        assertThat(s.api().graphql(s.office(), startOfYear).json().at("/data/draftStartOfYearLetters/drafted").asInt()).as("once a year").isZero();
    }

    @Test
    void templatesAreCheckedWhenSavedAndASchoolsOwnWordingBeatsItsTrusts() {
        School s = school(PolicyPresets.PRIMARY_PORTSMOUTH);
        String trustAdmin = world.staffLogin(s.api(), Role.TRUST_ADMIN, null, s.school().trustId());
        Map<String, String> bad = Map.of(
                "{\"subject\":\"Hi\",\"body\":\"<p>{{#if pupil.name}}unclosed</p>\"}", "body",
                "{\"subject\":\"Hi\",\"body\":\"<p>{{pupil.shoeSize}}</p>\"}", "pupil.shoeSize",
                "{\"subject\":\"Hi\",\"body\":\"<p>{{{pupil.name}}}</p>\"}", "triple braces",
                "{\"subject\":\"Hi\",\"body\":\"<p>Dear {{parents}}<br></p>\"}", "XHTML");
        bad.forEach((body, expected) -> {
            var r = s.api().put(s.base() + "/letter-templates/PUNCTUALITY", s.head(), body);
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(r.body()).contains(expected);
        });
        assertThat(s.api().put("/api/v1/trusts/" + s.school().trustId() + "/letter-templates/PUNCTUALITY", trustAdmin,
                "{\"subject\":\"Punctuality at our schools\",\"body\":\"<p>Trust wording for {{pupil.forename}}.</p>\"}").status()).isEqualTo(200);
        JsonNode templates = s.api().get(s.base() + "/letter-templates", s.office()).json().get("items");
        JsonNode punctuality = StreamSupport.stream(templates.spliterator(), false).filter(t -> t.get("kind").asText().equals("PUNCTUALITY")).findFirst()
                .orElseThrow();
        assertThat(punctuality.get("source").asText()).isEqualTo("TRUST");
        assertThat(s.api().put(s.base() + "/letter-templates/PUNCTUALITY", s.head(),
                "{\"subject\":\"{{pupil.forename}} and the morning bell\",\"body\":\"<p>School wording for {{pupil.forename}}.</p>\"}").status())
                .isEqualTo(200);
        templates = s.api().get(s.base() + "/letter-templates", s.office()).json().get("items");
        punctuality = StreamSupport.stream(templates.spliterator(), false).filter(t -> t.get("kind").asText().equals("PUNCTUALITY")).findFirst()
                .orElseThrow();
        assertThat(punctuality.get("source").asText()).isEqualTo("SCHOOL");
        assertThat(s.api().put(s.base() + "/letter-templates/PUNCTUALITY", s.office(), "{\"subject\":\"x\",\"body\":\"<p>x</p>\"}").status())
                .as("wording is the headteacher's to set").isEqualTo(403);
    }

    @Test
    void letterHtmlThatWouldMakeTheServiceFetchFromItsOwnNetworkIsRefusedWhenSavedAndNothingIsFetchedWhenALetterIsRendered() throws Exception {
        List<String> hits = new CopyOnWriteArrayList<>();
        HttpServer internal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        internal.createContext("/", exchange -> {
            hits.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        internal.start();
        try {
            String at = "http://127.0.0.1:" + internal.getAddress().getPort();
            List<String> fetching = List.of(
                    "<p>Hello</p><img src=\"" + at + "/pixel.png\"/>",
                    "<link rel=\"stylesheet\" href=\"" + at + "/letters.css\"/><p>Hello</p>",
                    "<p style=\"background: url(" + at + "/background.png)\">Hello</p>",
                    "<style>@import url(" + at + "/imported.css);</style><p>Hello</p>",
                    "<iframe src=\"" + at + "/frame.html\"></iframe><p>Hello</p>",
                    "<script src=\"" + at + "/script.js\"></script><p>Hello</p>",
                    "<p>Hello</p><img src=\"file:///etc/hostname\"/>",
                    "<p>Hello</p><object data=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0naHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmcnLz4=\"></object>",
                    "<p>Hello {{#if pupil.name}}<img src=\"" + at + "/only-when-filled-in.png\"/>{{/if}}</p>");
            School s = school(PolicyPresets.PRIMARY_PORTSMOUTH);
            PupilView nia = pupil(s, "Nia", "Fetchless");
            parent(s, nia, "Bethan Fetchless", "Mother", true, null);
            assertThat(s.api().post(s.base() + "/start-of-year-letters", s.office(), "{}").status()).isEqualTo(200);
            JsonNode draft = s.api().get(s.base() + "/letters?status=DRAFT", s.office()).json().get("items").get(0);
            long id = draft.get("id").asLong();
            ObjectMapper json = new ObjectMapper();

            for (String html : fetching) {
                var template = s.api().put(s.base() + "/letter-templates/START_OF_YEAR", s.head(), json.writeValueAsString(Map.of("subject",
                        "Attendance this year", "body", html)));
                assertThat(template.status()).as(html + " -> " + template.body()).isEqualTo(400);
                assertThat(template.contentType()).startsWith("application/problem+json");
                assertThat(template.json().at("/errors/0/field").asText()).isEqualTo("body");
                assertThat(template.json().at("/errors/0/expected").asText()).as(html).contains("remove ").contains("allowed:");
                if (html.contains("{{")) {
                    continue;
                }
                var edit = s.api().put(s.base() + "/letters/" + id, s.office(), json.writeValueAsString(Map.of("subject", "Attendance this year",
                        "bodyHtml", html)));
                assertThat(edit.status()).as(html + " -> " + edit.body()).isEqualTo(400);
                assertThat(edit.json().at("/errors/0/field").asText()).isEqualTo("bodyHtml");
            }
            assertThat(s.api().get(s.base() + "/letter-templates", s.office()).body()).doesNotContain(at);
            assertThat(s.api().get(s.base() + "/letters/" + id, s.office()).json().get("bodyHtml").asText()).doesNotContain(at);

            // a draft stored before these checks existed: it is cleaned as it is rendered, and still reads as a letter
            String db = context.getRequiredProperty("datasources.default.url", String.class);
            try (Connection c = DriverManager.getConnection(db, "root", ""); PreparedStatement update = c.prepareStatement(
                    "UPDATE letter SET body_html = ? WHERE id = ?")) {
                update.setString(1, String.join("", fetching).replace("{{#if pupil.name}}", "").replace("{{/if}}", ""));
                update.setLong(2, id);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURL() + s.base() + "/letters/" + id
                    + "/pdf")).header("Authorization", s.office()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdfText(pdf.body())).contains("Nia Fetchless").contains("Hello");
            s.api().post(s.base() + "/letters/approvals", s.office(), "{\"letterIds\":[" + id + "]}");
            HttpResponse<byte[]> printed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURL() + s.base()
                    + "/letters/print-runs")).header("Authorization", s.office()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"letterIds\":[" + id + "]}")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(printed.statusCode()).isEqualTo(200);

            assertThat(hits).as("requests the service made to an address on its own network").isEmpty();
        } finally {
            internal.stop(0);
        }
    }

    static boolean isFriday(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.FRIDAY;
    }
}
