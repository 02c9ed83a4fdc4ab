package uk.openattendance.letters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.AfterAll;
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
import uk.openattendance.roll.app.AddressCommand;
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
 * Letters that can be posted and that carry a picture of the child's weeks, over the real stack: contacts' postal
 * addresses through REST, GraphQL and the roll import; letters emailed where a parent has an email and queued for
 * post where one has only an address; print runs sorted for posting with the address in the DL window; and the weekly
 * chart in the PDF and as SVG for staff.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostedLettersIT implements TestPropertyProvider {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 11, 2);
    static final Actor SYSTEM = Actor.bootstrap("tests");
    static final double MM = 72 / 25.4;

    TwilioFake twilio;
    GreenMail smtp;

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject RegisterService registers;
    @Inject ContactService contacts;
    @Inject Dispatcher dispatcher;

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

    record School(TestWorld.School school, String office, Api api) {
        String base() {
            return "/api/v1/schools/" + school.id();
        }
    }

    School school() {
        clock.set(LocalDateTime.of(FIRST_MONDAY, LocalTime.of(8, 0)), LONDON);
        TestWorld.School s = world.school(world.trust(), PolicyPresets.SECONDARY_ACADEMY_DORSET);
        Api api = new Api(server.getURL().toString());
        return new School(s, world.staffLogin(api, Role.OFFICE, s.id(), null), api);
    }

    PupilView pupil(School s, String forename, String surname) {
        return world.pupil(s.school(), forename, surname, FIRST_MONDAY, 0, Characteristics.none());
    }

    long parent(School s, PupilView p, String name, int priority, String email, AddressCommand address) {
        return contacts.addContact(SYSTEM, s.school().id(), p.id(), new ContactCommand(name, priority == 1 ? "Mother" : "Father", true, priority == 1,
                priority, String.format("07700 900%03d", TestWorld.next() % 1000), email, email == null ? Channel.SMS : Channel.EMAIL, false, null,
                address)).contactId();
    }

    static AddressCommand at(String line1, String town, String postcode) {
        return new AddressCommand(line1, null, null, town, postcode);
    }

    /** A school week's registers; off: pupil -> sessions ("0AM" = Monday morning) they were off ill. */
    void week(School s, LocalDate monday, List<PupilView> everyone, Map<PupilView, List<String>> off) {
        for (int day = 0; day < 5; day++) {
            for (Session session : Session.values()) {
                clock.set(LocalDateTime.of(monday.plusDays(day), session == Session.AM ? LocalTime.of(8, 55) : LocalTime.of(13, 15)), LONDON);
                List<SubmitRegister.Entry> marks = new ArrayList<>();
                for (PupilView p : everyone) {
                    marks.add(new SubmitRegister.Entry(p.id(), off.getOrDefault(p, List.of()).contains(day + session.name()) ? "I" : "/", null, null, null));
                }
                registers.submit(SYSTEM, s.school().id(), monday.plusDays(day), session, new SubmitRegister(marks, null));
            }
        }
        clock.set(LocalDateTime.of(monday.plusDays(4), LocalTime.of(16, 0)), LONDON);
    }

    static List<String> sessions(String... s) {
        return List.of(s);
    }

    /** Five weeks in which each pupil dips: by Friday of the fifth week every one is below the school's 90%. */
    List<Long> approvedLettersAfterFiveWeeks(School s, List<PupilView> pupils) {
        List<Map<PupilView, List<String>>> weeks = new ArrayList<>();
        for (int w = 0; w < 5; w++) {
            weeks.add(new java.util.HashMap<>());
        }
        for (PupilView p : pupils) {
            weeks.get(1).put(p, sessions("0AM"));
            weeks.get(2).put(p, sessions("1AM", "1PM"));
            weeks.get(4).put(p, sessions("2AM", "2PM", "3AM"));
        }
        for (int w = 0; w < 5; w++) {
            week(s, FIRST_MONDAY.plusWeeks(w), pupils, weeks.get(w));
        }
        var run = s.api().post(s.base() + "/letter-runs", s.office(), "{\"asOf\":\"" + FIRST_MONDAY.plusWeeks(4).plusDays(4) + "\"}");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        s.api().get(s.base() + "/letters?status=DRAFT", s.office()).json().get("items").forEach(l -> ids.add(l.get("id").asLong()));
        assertThat(ids).as(run.body()).hasSize(pupils.size());
        assertThat(s.api().post(s.base() + "/letters/approvals", s.office(), "{\"letterIds\":" + ids + "}").json().get("approved").asInt())
                .isEqualTo(pupils.size());
        return ids;
    }

    HttpResponse<byte[]> postForPdf(School s, String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURL() + s.base() + path)).header("Authorization", s.office())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static List<String> pages(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> out = new ArrayList<>();
            PDFTextStripper t = new PDFTextStripper();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                t.setStartPage(i);
                t.setEndPage(i);
                out.add(t.getText(doc).replaceAll("\\s+", " "));
            }
            return out;
        }
    }

    /** The text a DL window shows on page {@code page}: 20-100 mm from the left, 52-82 mm from the top. */
    static String inTheWindow(byte[] pdf, int page) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripperByArea area = new PDFTextStripperByArea();
            area.addRegion("window", new Rectangle2D.Double(20 * MM, 52 * MM, 80 * MM, 30 * MM));
            area.extractRegions(doc.getPage(page));
            return area.getTextForRegion("window").replaceAll("\\s+", " ").strip();
        }
    }

    static byte[] attachment(MimeMessage m) throws Exception {
        Multipart parts = (Multipart) m.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() != null && part.getFileName().endsWith(".pdf")) {
                return part.getInputStream().readAllBytes();
            }
        }
        throw new AssertionError("no PDF attached to " + m.getSubject());
    }

    @Test
    void aParentWithParentalResponsibilityAndNoEmailGetsAPrintedCopyQueuedAndThePrintQueueComesSortedByPostcodeThenName() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        School s = school();
        PupilView ava = pupil(s, "Ava", "Postwell");
        PupilView ben = pupil(s, "Ben", "Tenbury");
        PupilView cara = pupil(s, "Cara", "Twoford");
        parent(s, ava, "Nia Postwell", 1, "nia.postwell@example.org", null);
        parent(s, ava, "Rhys Postwell", 2, null, at("4 Example Terrace", "Weymouth", "dt4 7xy"));
        parent(s, ben, "Beth Tenbury", 1, null, at("10 Example Road", "Birmingham", "B10 1AA"));
        parent(s, cara, "Carl Twoford", 1, null, at("2 Example Close", "Birmingham", "B2 1AA"));
        parent(s, cara, "Anna Twoford", 2, null, at("2 Example Close", "Birmingham", "B2 1AA"));
        List<Long> ids = approvedLettersAfterFiveWeeks(s, List.of(ava, ben, cara));

        JsonNode emailed = s.api().post(s.base() + "/letters/emails", s.office(), "{\"letterIds\":" + ids + "}").json();
        assertThat(emailed.get("emails").asInt()).as("Ava's mother only").isEqualTo(1);
        assertThat(emailed.get("queuedForPost").asInt()).as("Ava's father, Ben's mother, Cara's two parents").isEqualTo(4);
        assertThat(emailed.get("noEmailOrAddress").size()).isZero();
        assertThat(emailed.get("noEmailAddress").size()).as("Ben's and Cara's letters were emailed to nobody").isEqualTo(2);

        JsonNode queue = s.api().get(s.base() + "/letters/print-queue", s.office()).json().get("items");
        assertThat(queue.findValuesAsText("recipient")).as("B2 before B10 before DT4, then by name")
                .containsExactly("Anna Twoford", "Carl Twoford", "Beth Tenbury", "Rhys Postwell");
        assertThat(queue.get(3).at("/address/postcode").asText()).isEqualTo("DT4 7XY");

        HttpResponse<byte[]> printed = postForPdf(s, "/letters/print-queue/print-runs", "");
        assertThat(printed.statusCode()).isEqualTo(200);
        byte[] pdf = printed.body();
        Path out = Path.of("target", "letter-with-weekly-chart.pdf");
        Files.write(out, pdf);
        List<String> pages = pages(pdf);
        assertThat(pages).hasSize(4);
        assertThat(inTheWindow(pdf, 0)).isEqualTo("Anna Twoford 2 Example Close BIRMINGHAM B2 1AA");
        assertThat(inTheWindow(pdf, 2)).isEqualTo("Beth Tenbury 10 Example Road BIRMINGHAM B10 1AA");
        assertThat(inTheWindow(pdf, 3)).isEqualTo("Rhys Postwell 4 Example Terrace WEYMOUTH DT4 7XY");
        assertThat(pages.get(3)).contains("Parents and carers of Ava Postwell").contains("Attendance week by week")
                .contains("The chart's figures").contains("80% (8/10)").contains("70% (7/10)");

        Map<String, String> status = new java.util.HashMap<>();
        s.api().get(s.base() + "/letters", s.office()).json().get("items").forEach(l -> status.put(l.get("pupilName").asText(), l.get("status").asText()));
        assertThat(status).containsEntry("Ava Postwell", "SENT").containsEntry("Ben Tenbury", "PRINTED").containsEntry("Cara Twoford", "PRINTED");

        var again = s.api().post(s.base() + "/letters/print-queue/print-runs", s.office(), "");
        assertThat(again.status()).as("every copy was printed once").isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");

        dispatcher.dispatchDue(List.of(s.school().id()));
        MimeMessage[] mail = smtp.getReceivedMessages();
        assertThat(mail).hasSize(1);
        List<String> attached = pages(attachment(mail[0]));
        assertThat(attached.get(0)).as("the emailed PDF carries the chart as kept when it was emailed").contains("To Nia Postwell and Rhys Postwell")
                .contains("The chart's figures").contains("70% (7/10)");
    }

    @Test
    void aPrintRunOfChosenLettersSendsACopyToEachParentWithAnAddressInPostingOrder() throws Exception {
        School s = school();
        PupilView dan = pupil(s, "Dan", "Northerly");
        PupilView eve = pupil(s, "Eve", "Unaddressed");
        parent(s, dan, "Dora Northerly", 1, null, at("9 Example Walk", "York", "YO1 7HH"));
        parent(s, dan, "Dai Northerly", 2, null, at("1 Example Lane", "Bath", "BA1 1AA"));
        parent(s, eve, "Enid Unaddressed", 1, null, null);
        List<Long> ids = approvedLettersAfterFiveWeeks(s, List.of(dan, eve));

        HttpResponse<byte[]> printed = postForPdf(s, "/letters/print-runs", "{\"letterIds\":" + ids + "}");
        assertThat(printed.statusCode()).isEqualTo(200);
        List<String> pages = pages(printed.body());
        assertThat(pages).hasSize(3);
        assertThat(inTheWindow(printed.body(), 0)).startsWith("Dai Northerly").endsWith("BA1 1AA");
        assertThat(inTheWindow(printed.body(), 1)).startsWith("Dora Northerly").endsWith("YO1 7HH");
        assertThat(pages.get(2)).as("no address: last, to the parents as before").contains("To Enid Unaddressed");
        assertThat(s.api().get(s.base() + "/letters/print-queue", s.office()).json().get("items").size()).isZero();
    }

    @Test
    void aContactsPostalAddressIsSavedOverRestAndGraphqlWithItsPostcodeTidiedAndABadPostcodeIsRefusedNamingTheField() {
        School s = school();
        PupilView p = pupil(s, "Fay", "Addressed");
        String contacts = s.base() + "/pupils/" + p.id() + "/contacts";
        var added = s.api().post(contacts, s.office(), "{\"name\":\"Gwen Addressed\",\"relationship\":\"Mother\",\"parentalResponsibility\":true,"
                + "\"livesWithPupil\":true,\"priority\":1,\"mobile\":\"07700 900417\",\"address\":{\"line1\":\"3 Example Row\",\"line2\":\"Upwey\","
                + "\"town\":\"Weymouth\",\"postcode\":\"dt35qa\"}}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().at("/address/postcode").asText()).isEqualTo("DT3 5QA");
        assertThat(added.json().at("/address/line2").asText()).isEqualTo("Upwey");
        long contactId = added.json().get("contactId").asLong();

        var bad = s.api().put(contacts + "/" + contactId + "/address", s.office(), "{\"line1\":\"3 Example Row\",\"town\":\"Weymouth\",\"postcode\":\"DT3 5Q\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().at("/errors/0/field").asText()).isEqualTo("address.postcode");
        assertThat(bad.json().at("/errors/0/expected").asText()).contains("UK postcode");
        var noTown = s.api().post(contacts, s.office(), "{\"name\":\"Huw Addressed\",\"relationship\":\"Father\",\"parentalResponsibility\":true,"
                + "\"livesWithPupil\":false,\"priority\":2,\"mobile\":\"07700 900418\",\"address\":{\"line1\":\"5 Example Row\",\"postcode\":\"DT3 5QA\"}}");
        assertThat(noTown.status()).isEqualTo(400);
        assertThat(noTown.json().at("/errors/0/field").asText()).isEqualTo("address.town");

        var moved = s.api().graphql(s.office(), "mutation { setContactAddress(schoolId: " + s.school().id() + ", pupilId: " + p.id() + ", contactId: "
                + contactId + ", line1: \"8 Example Parade\", town: \"Dorchester\", postcode: \"DT1 1AA\") { name address { line1 town postcode } } }");
        assertThat(moved.json().at("/data/setContactAddress/address/postcode").asText()).as(moved.body()).isEqualTo("DT1 1AA");
        var read = s.api().graphql(s.office(), "{ pupil(schoolId: " + s.school().id() + ", id: " + p.id() + ") { contacts { address { line1 postcode } } } }");
        assertThat(read.json().at("/data/pupil/contacts/0/address/line1").asText()).as(read.body()).isEqualTo("8 Example Parade");

        var cleared = s.api().put(contacts + "/" + contactId + "/address", s.office(), "{}");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("address").isNull()).isTrue();
    }

    @Test
    void postalAddressesImportFromTheContactsCsvAndABadPostcodeNamesItsLineAndColumn() {
        School s = school();
        PupilView p = pupil(s, "Ivy", "Imported");
        String upn = s.api().get(s.base() + "/pupils/" + p.id(), s.office()).json().get("upn").asText();
        String header = "upn,name,relationship,parental_responsibility,lives_with_pupil,priority,mobile,email,address_line1,address_line2,town,postcode\n";
        var bad = s.api().send("POST", s.base() + "/imports/contacts", s.office(), header + upn + ",Jan Imported,Mother,true,true,1,07700 900431,,"
                + "6 Example Hill,,Bridport,DT6 XYZ\n", Map.of("Content-Type", "text/csv"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/errors/0/field").asText()).isEqualTo("line 2: postcode");

        var ok = s.api().send("POST", s.base() + "/imports/contacts", s.office(), header + upn + ",Jan Imported,Mother,true,true,1,07700 900431,,"
                + "6 Example Hill,Symondsbury,Bridport,dt6 6aa\n", Map.of("Content-Type", "text/csv"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        JsonNode contact = s.api().get(s.base() + "/pupils/" + p.id() + "/contacts", s.office()).json().get("items").get(0);
        assertThat(contact.at("/address/line2").asText()).isEqualTo("Symondsbury");
        assertThat(contact.at("/address/postcode").asText()).isEqualTo("DT6 6AA");
    }

    @Test
    void theWeeklyChartIsServedAsSvgForAPupilAClassAndTheSchoolOnlyToItsOwnSchool() {
        School s = school();
        PupilView kit = pupil(s, "Kit", "Charted");
        week(s, FIRST_MONDAY, List.of(kit), Map.of(kit, sessions("0AM", "0PM")));
        week(s, FIRST_MONDAY.plusWeeks(1), List.of(kit), Map.of());
        String window = "?from=" + FIRST_MONDAY + "&to=" + FIRST_MONDAY.plusWeeks(1).plusDays(4);

        var pupil = s.api().get(s.base() + "/pupils/" + kit.id() + "/attendance-chart" + window, s.office());
        assertThat(pupil.status()).as(pupil.body()).isEqualTo(200);
        assertThat(pupil.contentType()).startsWith("image/svg+xml");
        assertThat(pupil.body()).startsWith("<svg").contains("<title>Attendance by week: Kit Charted</title>")
                .contains("week beginning 2 Nov 80% (8 of 10 sessions); week beginning 9 Nov 100% (10 of 10 sessions)").contains("stroke-dasharray");
        var group = s.api().get(s.base() + "/register-groups/" + s.school().registerGroupIds().get(0) + "/attendance-chart" + window, s.office());
        assertThat(group.status()).isEqualTo(200);
        assertThat(group.body()).contains("80% (8 of 10 sessions)");
        var whole = s.api().get(s.base() + "/attendance-chart" + window, s.office());
        assertThat(whole.body()).contains("Attendance by week: the whole school");
        var gql = s.api().graphql(s.office(), "{ attendanceChart(schoolId: " + s.school().id() + ", pupilId: " + kit.id() + ", from: \"" + FIRST_MONDAY
                + "\") }");
        assertThat(gql.json().at("/data/attendanceChart").asText()).as(gql.body()).startsWith("<svg").contains("8 of 10 sessions");

        var backwards = s.api().get(s.base() + "/attendance-chart?from=" + FIRST_MONDAY + "&to=" + FIRST_MONDAY.minusDays(1), s.office());
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().at("/errors/0/field").asText()).isEqualTo("to");

        School other = school();
        assertThat(other.api().get(s.base() + "/pupils/" + kit.id() + "/attendance-chart", other.office()).status()).isIn(403, 404);
        assertThat(other.api().get(other.base() + "/pupils/" + kit.id() + "/attendance-chart", other.office()).status()).isEqualTo(404);
    }
}
