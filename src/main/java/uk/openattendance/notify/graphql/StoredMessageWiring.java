package uk.openattendance.notify.graphql;

import static uk.openattendance.security.graphql.GraphqlCaller.actor;
import static uk.openattendance.platform.graphql.GraphqlContext.id;

import graphql.schema.idl.RuntimeWiring;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import uk.openattendance.notify.app.StoredMessages;
import uk.openattendance.platform.graphql.Connections;
import uk.openattendance.platform.graphql.GraphqlWiring;
import uk.openattendance.platform.paging.PageRequest;

/**
 * What the embedded default stored instead of sending, over GraphQL: the same StoredMessages method as REST. Only where
 * messages are stored (as the REST twin and StoredMessages itself): a service that sends has nothing stored to list.
 */
@Singleton
@Requires(property = "notify.sink", value = "store", defaultValue = "store")
public class StoredMessageWiring implements GraphqlWiring {
    private final StoredMessages messages;

    public StoredMessageWiring(StoredMessages messages) {
        this.messages = messages;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("storedMessages", env -> Connections.paged(Connections.window(env),
                (page, size) -> messages.stored(actor(env), id(env, "schoolId"), new PageRequest(page, size)))));
    }
}
