package uk.openattendance.notify.graphql;

import static uk.openattendance.platform.graphql.GraphqlContext.id;
import static uk.openattendance.security.graphql.GraphqlCaller.actor;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import uk.openattendance.notify.app.NotifyProblem;
import uk.openattendance.notify.app.Templates;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.platform.graphql.GraphqlWiring;
import uk.openattendance.platform.problem.DomainProblem;

/** Message wording per language over GraphQL: each field calls the same Templates method as its REST twin. */
@Singleton
public class TemplateWiring implements GraphqlWiring {
    private final Templates templates;

    public TemplateWiring(Templates templates) {
        this.templates = templates;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("messageTemplates", env -> templates.templates(actor(env), id(env, "schoolId"), env.getArgument("language"))));
        wiring.type("Mutation", t -> t
                .dataFetcher("saveMessageTemplate", env -> templates.save(actor(env), id(env, "schoolId"), purpose(env.getArgument("purpose")),
                        env.getArgument("language"), new Templates.SaveTemplate(env.getArgument("subject"), env.getArgument("body"))))
                .dataFetcher("resetMessageTemplate", env -> templates.reset(actor(env), id(env, "schoolId"), purpose(env.getArgument("purpose")),
                        env.getArgument("language")))
                .dataFetcher("reviewMessageTemplate", env -> templates.markReviewed(actor(env), id(env, "schoolId"), purpose(env.getArgument("purpose")),
                        env.getArgument("language"))));
    }

    private static MessagePurpose purpose(String v) {
        try {
            return MessagePurpose.valueOf(v);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw DomainProblem.field(NotifyProblem.TEMPLATE_NOT_VALID, "purpose", "one of " + java.util.Arrays.toString(MessagePurpose.values()));
        }
    }
}
