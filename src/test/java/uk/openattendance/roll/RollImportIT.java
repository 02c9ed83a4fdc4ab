package uk.openattendance.roll;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.security.Role;

/** The office imports the roll from its MIS export: all or nothing, and the same file twice changes nothing. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollImportIT {
    private static final String PUPILS_HEADER = "upn,legal_forename,legal_surname,preferred_forename,date_of_birth,year_group,register_group,form,start_date,"
            + "pupil_premium,send,free_school_meals,vulnerable\n";
    private static final String CONTACTS_HEADER = "upn,name,relationship,parental_responsibility,lives_with_pupil,priority,mobile,email,preferred_channel\n";

    @Inject EmbeddedServer server;
    @Inject TestWorld world;

    Api api;
    TestWorld.School school;
    String office;
    String upnA = TestWorld.upn();
    String upnB = TestWorld.upn();
    String upnC = TestWorld.upn();

    @BeforeAll
    void aLowerSchoolWithItsThreeRegisterGroups() {
        api = new Api(server.getURL().toString());
        school = world.school(world.trust(), PolicyPresets.LOWER_SCHOOL_BEDFORDSHIRE);
        office = world.staffLogin(api, Role.OFFICE, school.id(), null);
    }

    private Api.Response importCsv(String kind, String csv) {
        return api.send("POST", "/api/v1/schools/" + school.id() + "/imports/" + kind, office, csv, Map.of("Content-Type", "text/csv"));
    }

    private String pupilsCsv() {
        return PUPILS_HEADER
                + upnA + ",Delphine,Marlow,Del,2021-10-03,N2,Nursery,Acorns,2026-09-02,Y,NONE,Y,N\n"
                + upnB + ",Felix,Marlow,,2019-04-21,1,Reception and KS1,Oak,2026-09-02,N,SEN_SUPPORT,N,N\n"
                + upnC + ",\"Okafor, Jr\",Nwosu,,2017-12-30,4,KS2,Elm,2026-09-02,N,EHCP,N,Y\n";
    }

    private JsonNode pupilByUpn(String upn) {
        JsonNode items = api.get("/api/v1/schools/" + school.id() + "/pupils?size=500", office).json().get("items");
        return StreamSupport.stream(items.spliterator(), false).filter(p -> p.get("upn").asText().equals(upn)).findFirst().orElseThrow();
    }

    @Test
    void importingTheSameFileTwiceChangesNothingTheSecondTime() {
        var first = importCsv("pupils", pupilsCsv());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        var second = importCsv("pupils", pupilsCsv());
        assertThat(second.json().get("created").asInt()).isZero();
        assertThat(second.json().get("updated").asInt()).isZero();
        assertThat(second.json().get("unchanged").asInt()).isEqualTo(3);

        JsonNode ehcp = pupilByUpn(upnC);
        assertThat(ehcp.get("legalForename").asText()).isEqualTo("Okafor, Jr");
        assertThat(ehcp.at("/characteristics/send").asText()).isEqualTo("EHCP");
        assertThat(ehcp.get("vulnerable").asBoolean()).isTrue();
    }

    @Test
    void siblingsShareOneContactWhoseMobileIsStoredAsE164() {
        importCsv("pupils", pupilsCsv());
        String contacts = CONTACTS_HEADER
                + upnA + ",Hattie Marlow,Mother,Y,Y,1,07700 900411,hattie.marlow@example.org,SMS\n"
                + upnB + ",Hattie Marlow,Mother,Y,Y,1,+44 (0)7700-900411,hattie.marlow@example.org,SMS\n"
                + upnB + ",Rowan Marlow,Father,Y,N,2,0044 7700 900412,,SMS\n";
        var r = importCsv("contacts", contacts);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode forA = api.get("/api/v1/schools/" + school.id() + "/pupils/" + pupilByUpn(upnA).get("id").asLong() + "/contacts", office).json().get("items");
        JsonNode forB = api.get("/api/v1/schools/" + school.id() + "/pupils/" + pupilByUpn(upnB).get("id").asLong() + "/contacts", office).json().get("items");
        assertThat(forA.get(0).get("mobile").asText()).isEqualTo("+447700900411");
        assertThat(forB).hasSize(2);
        assertThat(forB.get(0).get("contactId").asLong()).isEqualTo(forA.get(0).get("contactId").asLong());
        assertThat(forB.get(1).get("mobile").asText()).isEqualTo("+447700900412");

        var again = importCsv("contacts", contacts);
        assertThat(again.json().get("unchanged").asInt()).as(again.body()).isEqualTo(3);
    }

    @Test
    void everyBadRowIsReportedWithItsLineNumberAndNothingIsWritten() {
        String fresh1 = TestWorld.upn();
        String fresh2 = TestWorld.upn();
        String csv = PUPILS_HEADER
                + fresh1 + ",Ada,Penhallow,,2018-02-02,3,KS2,Elm,2026-09-02,N,NONE,N,N\n"
                + "NOT-A-UPN,Bo,Penhallow,,2018-02-02,3,KS2,Elm,2026-09-02,N,NONE,N,N\n"
                + fresh2 + ",Cy,Penhallow,,2018-02-02,3,Year 3,Elm,2026-09-02,N,SOMETIMES,N,N\n";
        var r = importCsv("pupils", csv);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).contains("line 3: upn", "line 4: register_group", "line 4: send");
        assertThat(api.get("/api/v1/schools/" + school.id() + "/pupils?size=500", office).body()).doesNotContain(fresh1).doesNotContain(fresh2);
    }

    @Test
    void aContactWithAnUnusableMobileIsRefusedWithTheLine() {
        importCsv("pupils", pupilsCsv());
        var r = importCsv("contacts", CONTACTS_HEADER + upnC + ",Ngozi Nwosu,Mother,Y,Y,1,01632 960000,,SMS\n");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("line 2: mobile").contains("mobile number that can take texts");
    }

    @Test
    void aFileMissingARequiredColumnNamesIt() {
        var r = importCsv("pupils", "upn,legal_forename\n" + TestWorld.upn() + ",Ada\n");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("legal_surname").contains("date_of_birth");
    }
}
