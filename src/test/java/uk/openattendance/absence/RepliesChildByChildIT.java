package uk.openattendance.absence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.absence.app.AbsenceReportView;
import uk.openattendance.absence.app.AbsenceService;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.fixtures.TwilioFake;
import uk.openattendance.fixtures.TwilioWebhook;
import uk.openattendance.notify.persistence.SuppressionRepository;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SubmitRegister;
import uk.openattendance.roll.app.ContactCommand;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.school.app.RegisterGroupService;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Role;

/**
 * A family's reply is read child by child and acted on child by child, over real HTTP with Twilio's signature against
 * a real MariaDB: what one child's reading may apply is recorded for that child alone, and whatever is for a person
 * reaches the office's queue with its reasons (urgent first) and each child's suggestion, which the office can accept
 * in one call. Tests marked "needs the layered reader" state what the per-child reader must read; the stand-in reader
 * (today's whole-reply reader spread over the children) cannot.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepliesChildByChildIT implements TestPropertyProvider {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final LocalDate FRIDAY = MONDAY.plusDays(4);
    static final Actor SYSTEM = Actor.bootstrap("tests");
    static final String SMS = "/api/v1/webhooks/twilio/sms";

    TwilioFake twilio;
    com.icegreen.greenmail.util.GreenMail smtp;

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject RegisterService registers;
    @Inject ContactService contacts;
    @Inject SuppressionRepository suppressions;
    @Inject RegisterGroupService groups;
    @Inject AbsenceService absences;
    @Inject uk.openattendance.schedule.app.Scheduler scheduler;
    @Inject uk.openattendance.notify.app.Dispatcher dispatcher;

    @Override
    public Map<String, String> getProperties() {
        try {
            twilio = new TwilioFake();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        smtp = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        return uk.openattendance.fixtures.RealProviders.properties(twilio, smtp);
    }

    @AfterAll
    void stop() {
        twilio.close();
        smtp.stop();
    }

    record Child(String forename, String preferred, String sex, boolean absent) {
        static Child absent(String forename, String sex) {
            return new Child(forename, null, sex, true);
        }

        static Child present(String forename, String sex) {
            return new Child(forename, null, sex, false);
        }
    }

    record Family(TestWorld.School school, List<PupilView> children, String mum, String office, Api api) {
        PupilView child(String forename) {
            return children.stream().filter(c -> c.legalForename().equals(forename)).findFirst().orElseThrow();
        }
    }

    /** One mother's children at a new school of the preset; the morning register marks the absent ones N, the first-day text goes; it is 09:31. */
    Family family(String preset, Child... kids) {
        at("08:30");
        TestWorld.School school = world.school(world.trust(), preset);
        String surname = "Replywood" + TestWorld.next();
        String mum = String.format("07700 900%03d", TestWorld.next() % 1000);
        String e164 = "+44" + mum.replace(" ", "").substring(1);
        // the drama range has only 1,000 numbers: an opt-out left by an earlier test must not silence this family
        suppressions.deleteByAddressAndSchoolId(e164, 0);
        List<PupilView> children = new ArrayList<>();
        List<SubmitRegister.Entry> marks = new ArrayList<>();
        for (Child k : kids) {
            PupilView p = world.pupil(school, k.forename(), k.preferred(), surname, k.sex());
            children.add(p);
            contacts.addContact(SYSTEM, school.id(), p.id(), new ContactCommand("Sam " + surname, "Mother", true, true, 1, mum, null, null, false, null));
            marks.add(new SubmitRegister.Entry(p.id(), k.absent() ? "N" : "/", null, null, null));
        }
        at(groups.registerGroups(SYSTEM, school.id()).get(0).timing(Session.AM).opensAt().plusMinutes(1).toString());
        registers.submit(SYSTEM, school.id(), MONDAY, Session.AM, new SubmitRegister(marks, null));
        // the school's first-day text goes out, so the reply is threaded to this school whatever else the number is on
        for (LocalTime t = LocalTime.of(9, 0); !t.isAfter(LocalTime.of(9, 20)); t = t.plusMinutes(5)) {
            clock.set(LocalDateTime.of(MONDAY, t), LONDON);
            scheduler.tick(List.of(school.id()));
            dispatcher.dispatchDue(List.of(school.id()));
        }
        at("09:31");
        Api api = new Api(server.getURL().toString());
        return new Family(school, children, e164, world.staffLogin(api, Role.OFFICE, school.id(), null), api);
    }

    // ---- per child ------------------------------------------------------------------------------------------------

    @Test
    void aPartialReplyCodesTheExplainedChildAndQueuesTheRest() throws Exception {
        Family f = family(PolicyPresets.PRIMARY_GLOUCESTERSHIRE, Child.absent("Amelia", "F"), Child.absent("Ben", "M"));
        var answer = reply(f, "Amelia is ill today, sorry");

        assertThat(mark(f, "Amelia")).isEqualTo("I");
        assertThat(mark(f, "Ben")).as("Ben's absence is still to be chased").isEqualTo("N");
        assertThat(reports(f, "Amelia")).singleElement().satisfies(r -> assertThat(r.suggestedCode()).isEqualTo("I"));
        assertThat(reports(f, "Ben")).isEmpty();
        assertThat(answer.body()).as("thanks for what was recorded, and the rest is for the office").contains("better soon").contains("member of the office");

        JsonNode queued = queued(f, "Amelia is ill today, sorry");
        assertThat(queued.get("status").asText()).isEqualTo("REVIEW");
        assertThat(queued.get("actioned").asBoolean()).as("coded some children and queued").isTrue();
        assertThat(labels(queued)).contains("partial");
        assertThat(queued.get("reviewReason").asText()).contains("does not explain every child");
        assertThat(summaries(queued)).containsExactly("Amelia: I today — applied", "Ben: unexplained");
    }

    @Test
    void aChildInSchoolNamedInAReplyGetsNoAbsenceAndTheReplyIsQueuedSayingWhy() throws Exception {
        Family f = family(PolicyPresets.PRIMARY_GLOUCESTERSHIRE, Child.absent("Amelia", "F"), Child.present("Ben", "M"));
        var answer = reply(f, "Ben is sick");

        assertThat(mark(f, "Ben")).as("the register says Ben is in school; a reply never changes that").isEqualTo("/");
        assertThat(reports(f, "Ben")).isEmpty();
        assertThat(reports(f, "Amelia")).isEmpty();
        assertThat(mark(f, "Amelia")).isEqualTo("N");
        assertThat(answer.body()).contains("member of the office").doesNotContain("recorded");

        JsonNode queued = queued(f, "Ben is sick");
        assertThat(queued.get("actioned").asBoolean()).isFalse();
        assertThat(labels(queued)).contains("present-child-named");
        assertThat(whys(queued)).contains("a child named in the reply is not marked absent today");
        assertThat(summaries(queued)).contains("Amelia: unexplained").anyMatch(s -> s.startsWith("Ben: for a person"));
    }

    @Test
    void siblingsWithTwoReasonsGetTwoCodes() throws Exception {
        Family f = family(PolicyPresets.PRIMARY_GLOUCESTERSHIRE, Child.absent("Amelia", "F"), Child.absent("Ben", "M"));
        reply(f, "Amelia has a temperature and Ben has a dentist appointment this morning");

        assertThat(mark(f, "Amelia")).isEqualTo("I");
        assertThat(mark(f, "Ben")).isEqualTo("M");
        assertThat(reports(f, "Amelia")).singleElement().satisfies(r -> assertThat(r.category()).isEqualTo("ILLNESS"));
        assertThat(reports(f, "Ben")).singleElement().satisfies(r -> assertThat(r.category()).isEqualTo("MEDICAL_APPOINTMENT"));
    }

    @Test
    void theBoysMeansTheChildrenTheRollRecordsAsBoys() throws Exception {
        Family f = family(PolicyPresets.PRIMARY_GLOUCESTERSHIRE, Child.absent("Amelia", "F"), Child.absent("Ben", "M"), Child.absent("Carl", "M"));
        reply(f, "The boys have both got a sickness bug, Amelia is at her nan's and I'll call about her");

        assertThat(mark(f, "Ben")).isEqualTo("I");
        assertThat(mark(f, "Carl")).isEqualTo("I");
        assertThat(mark(f, "Amelia")).isEqualTo("N");
        assertThat(labels(queued(f, "The boys have both got a sickness bug, Amelia is at her nan's and I'll call about her"))).isNotEmpty();
    }

    // ---- what only a person decides --------------------------------------------------------------------------------

    @Test
    void aHolidayIsSuggestedAsGButNeverApplied() throws Exception {
        Family f = family(PolicyPresets.PRIMARY_GLOUCESTERSHIRE, Child.absent("Amelia", "F"), Child.absent("Ben", "M"));
        String text = "We're in Spain on holiday, back next week";
        var answer = reply(f, text);

        assertThat(mark(f, "Amelia")).isEqualTo("N");
        assertThat(mark(f, "Ben")).isEqualTo("N");
        assertThat(reports(f, "Amelia")).isEmpty();
        assertThat(answer.body()).contains("member of the office").doesNotContainIgnoringCase("holiday").doesNotContain("recorded");

        JsonNode queued = queued(f, text);
        assertThat(queued.get("actioned").asBoolean()).isFalse();
        assertThat(labels(queued)).contains("holiday");
        // "back next week" said on a Monday: off to Friday, which is what the office will decide on
        assertThat(summaries(queued)).containsExactly("Amelia: G until 27 Nov — not applied", "Ben: G until 27 Nov — not applied");
    }

    @Test
    void theOfficeAcceptsAChildsSuggestionInOneCallInItsOwnSchoolOnly() throws Exception {
        Family f = family(PolicyPresets.PRIMARY_GLOUCESTERSHIRE, Child.absent("Amelia", "F"), Child.absent("Ben", "M"));
        String text = "We're in Spain on holiday, back next week";
        reply(f, text);
        long id = queued(f, text).get("id").asLong();
        String accept = "/api/v1/schools/" + f.school().id() + "/inbound-messages/" + id + "/accept";

        Family other = family(PolicyPresets.PRIMARY_GLOUCESTERSHIRE, Child.absent("Cara", "F"));
        assertThat(f.api().post("/api/v1/schools/" + other.school().id() + "/inbound-messages/" + id + "/accept", other.office(),
                "{\"pupilIds\":[" + f.child("Amelia").id() + "]}").status()).as("another school's text is not found").isEqualTo(404);
        assertThat(f.api().post(accept, other.office(), "{\"pupilIds\":[" + f.child("Amelia").id() + "]}").status()).isEqualTo(404);
        var wrongChild = f.api().post(accept, f.office(), "{\"pupilIds\":[" + other.child("Cara").id() + "]}");
        assertThat(wrongChild.status()).isEqualTo(400);
        assertThat(wrongChild.contentType()).startsWith("application/problem+json");
        assertThat(wrongChild.body()).contains("pupilIds[0]").contains("a child with a suggested code");
        assertThat(f.api().post(accept, f.office(), "{\"pupilIds\":[]}").status()).isEqualTo(400);

        var accepted = f.api().post(accept, f.office(), "{\"pupilIds\":[" + f.child("Amelia").id() + "]}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(mark(f, "Amelia")).as("the office decided it: the N becomes G").isEqualTo("G");
        assertThat(mark(f, "Ben")).isEqualTo("N");
        assertThat(reports(f, "Amelia")).singleElement().satisfies(r -> {
            assertThat(r.suggestedCode()).isEqualTo("G");
            assertThat(r.channel()).isEqualTo("SMS_REPLY");
            assertThat(r.recordedBy()).contains("accepting a parent's reply");
        });
        assertThat(summaries(accepted.json())).first().asString().startsWith("Amelia: G until 27 Nov — accepted by");
        assertThat(accepted.json().get("status").asText()).as("Ben is still to be decided").isEqualTo("REVIEW");

        var again = f.api().post(accept, f.office(), "{\"pupilIds\":[" + f.child("Amelia").id() + "]}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("not yet applied");
        assertThat(reports(f, "Amelia")).hasSize(1);
    }

    // ---- urgency ----------------------------------------------------------------------------------------------------

    @Test
    void wordsThatSuggestAChildIsAtRiskPutTheReplyAtTheTopOfTheQueueAsUrgent() throws Exception {
        Family f = family(PolicyPresets.PRIMARY_GLOUCESTERSHIRE, Child.absent("Amelia", "F"));
        String risk = "Amelia won't be in, the police are at the house";
        reply(f, risk);
        reply(f, "Is there a trip letter for Amelia?");

        JsonNode queue = f.api().get("/api/v1/schools/" + f.school().id() + "/inbound-messages?status=REVIEW", f.office()).json().get("items");
        assertThat(queue.get(0).get("body").asText()).as("urgent first, though it came first").isEqualTo(risk);
        assertThat(queue.get(0).get("urgent").asBoolean()).isTrue();
        assertThat(queue.get(1).get("urgent").asBoolean()).isFalse();
        assertThat(labels(queue.get(0))).first().isEqualTo("safeguarding");
        assertThat(mark(f, "Amelia")).isEqualTo("N");

        var graph = f.api().graphql(f.office(), "{ inboundMessages(schoolId: " + f.school().id() + ", status: \"REVIEW\") { nodes { body urgent actioned "
                + "reasons { label why urgent } suggestions { pupilId summary appliedThrough } } } }");
        JsonNode first = graph.json().at("/data/inboundMessages/nodes/0");
        assertThat(first.get("body").asText()).as(graph.body()).isEqualTo(risk);
        assertThat(first.get("urgent").asBoolean()).isTrue();
        assertThat(first.at("/reasons/0/label").asText()).isEqualTo("safeguarding");
        assertThat(first.at("/reasons/0/why").asText()).isEqualTo("words that may mean a child is at risk");
        assertThat(first.at("/suggestions/0/pupilId").asLong()).isEqualTo(f.child("Amelia").id());
    }

    @Test
    void aParentSayingTheChildIsInSchoolIsUrgentInTheQueue() throws Exception {
        Family f = family(PolicyPresets.PRIMARY_GLOUCESTERSHIRE, Child.absent("Amelia", "F"));
        String text = "Amelia is in school, I dropped her at the gate at 8.40";
        reply(f, "Is there a trip letter for Amelia?");
        reply(f, text);

        assertThat(mark(f, "Amelia")).isEqualTo("N");
        assertThat(reports(f, "Amelia")).isEmpty();
        JsonNode queue = f.api().get("/api/v1/schools/" + f.school().id() + "/inbound-messages?status=REVIEW", f.office()).json().get("items");
        assertThat(queue.get(0).get("body").asText()).isEqualTo(text);
        assertThat(queue.get(0).get("urgent").asBoolean()).isTrue();
        assertThat(labels(queue.get(0))).first().isEqualTo("said-in-school");
    }

    // ---- the school's self-certification limit ----------------------------------------------------------------------

    @Test
    void anAbsenceLongerThanTheSchoolsSelfCertificationLimitCodesTodayAndQueues() throws Exception {
        // Portsmouth asks for evidence on the fifth day of illness: Monday to Friday is longer than a parent's word covers
        Family f = family(PolicyPresets.PRIMARY_PORTSMOUTH, Child.absent("Amelia", "F"));
        // "all week", not "until Friday": families say "off until Friday" meaning back on Friday as often as off on it
        String text = "Amelia has flu, she will be off all week";
        var answer = reply(f, text);

        assertThat(mark(f, "Amelia")).isEqualTo("I");
        assertThat(reports(f, "Amelia")).singleElement().satisfies(r -> {
            assertThat(r.lastDate()).as("only today is coded").isEqualTo(MONDAY);
            assertThat(r.expectedReturn()).as("no expected return quiets the chase of the days after").isNull();
        });
        assertThat(answer.body()).contains("better soon").contains("member of the office");
        JsonNode queued = queued(f, text);
        assertThat(queued.get("actioned").asBoolean()).isTrue();
        assertThat(labels(queued)).contains("over-self-cert-limit");
        assertThat(summaries(queued)).containsExactly("Amelia: I until 27 Nov — applied through today");

        // the office has seen the evidence: accepting the suggestion records the rest of the week
        var accepted = f.api().post("/api/v1/schools/" + f.school().id() + "/inbound-messages/" + queued.get("id").asLong() + "/accept", f.office(),
                "{\"pupilIds\":[" + f.child("Amelia").id() + "]}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(reports(f, "Amelia")).extracting(AbsenceReportView::lastDate).containsExactlyInAnyOrder(MONDAY, FRIDAY);
        assertThat(reports(f, "Amelia")).filteredOn(r -> r.lastDate().equals(FRIDAY)).singleElement()
                .satisfies(r -> assertThat(r.firstDate()).isEqualTo(MONDAY.plusDays(1)));
    }

    @Test
    void aSchoolSetsItsOwnSelfCertificationLimitAndABadOneIsRefusedNamingTheField() throws Exception {
        Family f = family(PolicyPresets.PRIMARY_PORTSMOUTH, Child.absent("Amelia", "F"));
        String head = world.staffLogin(f.api(), Role.HEADTEACHER, f.school().id(), null);
        String policy = "/api/v1/schools/" + f.school().id() + "/policy";
        assertThat(f.api().get(policy, head).json().at("/settings/replies/selfCertificationSchoolDays").asInt()).isEqualTo(4);

        var bad = f.api().patch(policy, head, "{\"replies\":{\"selfCertificationSchoolDays\":0}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body()).contains("replies.selfCertificationSchoolDays").contains("from 1 to 30");
        var confidence = f.api().patch(policy, head, "{\"replies\":{\"confidenceToApply\":2}}");
        assertThat(confidence.status()).isEqualTo(400);
        assertThat(confidence.body()).contains("replies.confidenceToApply");

        var changed = f.api().patch(policy, head, "{\"replies\":{\"selfCertificationSchoolDays\":5}}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        reply(f, "Amelia has flu, she will be off all week");
        assertThat(reports(f, "Amelia")).singleElement().satisfies(r -> assertThat(r.lastDate()).isEqualTo(FRIDAY));
    }

    // ---- keywords -----------------------------------------------------------------------------------------------------

    @Test
    void stopAllFromAParentOptsThemOut() throws Exception {
        Family f = family(PolicyPresets.PRIMARY_GLOUCESTERSHIRE, Child.absent("Amelia", "F"));
        var answer = reply(f, "STOP ALL");
        assertThat(suppressions.suppressed(f.school().id(), f.mum())).isTrue();
        assertThat(answer.body()).as("Twilio does not answer a spaced keyword, so we do").contains("no more texts");
        assertThat(reports(f, "Amelia")).isEmpty();

        reply(f, "Start please");
        assertThat(suppressions.suppressed(f.school().id(), f.mum())).isFalse();
    }

    @Test
    void aSentenceThatUsesAKeywordIsReadAsAReplyAboutTheChild() throws Exception {
        Family f = family(PolicyPresets.PRIMARY_GLOUCESTERSHIRE, Child.absent("Amelia", "F"));
        reply(f, "Amelia can't stop being sick");
        assertThat(suppressions.suppressed(f.school().id(), f.mum())).isFalse();
        assertThat(mark(f, "Amelia")).isEqualTo("I");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    void at(String time) {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.parse(time)), LONDON);
    }

    HttpResponse<String> reply(Family f, String body) throws Exception {
        HttpResponse<String> r = TwilioWebhook.post(server.getURL().toString(), SMS, Map.of("MessageSid", "SMcbc" + System.nanoTime(), "From", f.mum(),
                "To", "+447700900000", "Body", body, "AccountSid", "AC00000000000000000000000000000000"), true);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    String mark(Family f, String forename) {
        long id = f.child(forename).id();
        return registers.currentMarks(SYSTEM, f.school().id(), MONDAY, Session.AM, List.of(id)).get(id).code();
    }

    List<AbsenceReportView> reports(Family f, String forename) {
        return absences.reportsOfPupil(SYSTEM, f.school().id(), f.child(forename).id());
    }

    JsonNode queued(Family f, String body) {
        JsonNode queue = f.api().get("/api/v1/schools/" + f.school().id() + "/inbound-messages?status=REVIEW", f.office()).json().get("items");
        return StreamSupport.stream(queue.spliterator(), false).filter(t -> t.get("body").asText().equals(body)).findFirst()
                .orElseThrow(() -> new AssertionError("not in the review queue: " + body + " in " + queue));
    }

    static List<String> labels(JsonNode text) {
        return StreamSupport.stream(text.get("reasons").spliterator(), false).map(r -> r.get("label").asText()).toList();
    }

    static List<String> whys(JsonNode text) {
        return StreamSupport.stream(text.get("reasons").spliterator(), false).map(r -> r.get("why").asText()).toList();
    }

    static List<String> summaries(JsonNode text) {
        return StreamSupport.stream(text.get("suggestions").spliterator(), false).map(s -> s.get("summary").asText()).toList();
    }
}
