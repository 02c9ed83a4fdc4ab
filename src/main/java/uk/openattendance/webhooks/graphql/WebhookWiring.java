package uk.openattendance.webhooks.graphql;

import static uk.openattendance.platform.graphql.GraphqlContext.id;
import static uk.openattendance.security.graphql.GraphqlCaller.actor;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import java.util.List;
import uk.openattendance.platform.graphql.GraphqlWiring;
import uk.openattendance.webhooks.app.WebhookService;
import uk.openattendance.webhooks.app.WebhookViews.Subscribe;
import uk.openattendance.webhooks.app.WebhookViews.Subscription;

/** Webhook management over GraphQL: each field calls the same service method as its REST twin. */
@Singleton
public class WebhookWiring implements GraphqlWiring {
    private final WebhookService webhooks;

    public WebhookWiring(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    /** node(id) of a subscription reads it as webhookSubscriptions(schoolId) lists it, its secret masked. */
    @Override
    public List<uk.openattendance.platform.graphql.NodeType<?>> nodeTypes() {
        return List.of(new uk.openattendance.platform.graphql.NodeType<>("WebhookSubscription", Subscription.class, Subscription::id,
                Subscription::schoolId, (env, school, id) -> webhooks.subscription(actor(env), school, id)));
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("webhookSubscriptions", env -> webhooks.subscriptions(actor(env), id(env, "schoolId")))
                .dataFetcher("webhookSubscription", env -> webhooks.subscription(actor(env), id(env, "schoolId"), id(env, "id")))
                .dataFetcher("webhookDeliveries", env -> webhooks.deliveries(actor(env), id(env, "schoolId"), id(env, "subscriptionId"))));
        wiring.type("Mutation", t -> t
                .dataFetcher("subscribeWebhook", env -> webhooks.subscribe(actor(env), id(env, "schoolId"), new Subscribe(env.getArgument("url"),
                        env.<List<String>>getArgument("events"), env.getArgument("description"))))
                .dataFetcher("deactivateWebhook", env -> webhooks.deactivate(actor(env), id(env, "schoolId"), id(env, "id"))));
    }
}
