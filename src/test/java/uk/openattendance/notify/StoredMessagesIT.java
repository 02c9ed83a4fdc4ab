package uk.openattendance.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.notify.app.MessageSink;
import uk.openattendance.notify.domain.OutgoingMessage;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.security.Role;

/** With the default sink nothing leaves the machine, and the office can read exactly what a parent would have got. */
@MicronautTest(transactional = false)
class StoredMessagesIT {
    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MessageSink sink;

    @Test
    void aMessageSentThroughTheDefaultSinkIsStoredAndListedOnlyToItsOwnSchool() throws Exception {
        Api api = new Api(server.getURL().toString());
        TestWorld.School school = world.school();
        TestWorld.School other = world.school();
        String body = "Tamsin was not in school this morning. Please reply with the reason.";
        String id = sink.send(new OutgoingMessage(school.id(), Channel.SMS, "+447700900555", null, body, "FIRST_DAY_ABSENCE"), 1);
        assertThat(id).startsWith("stored-");

        String office = world.staffLogin(api, Role.OFFICE, school.id(), null);
        var r = api.get("/api/v1/schools/" + school.id() + "/stored-messages", office);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/items/0/body").asText()).isEqualTo(body);
        assertThat(r.json().at("/items/0/to").asText()).isEqualTo("+447700900555");
        assertThat(api.get("/api/v1/schools/" + other.id() + "/stored-messages", office).status()).isEqualTo(404);
    }
}
