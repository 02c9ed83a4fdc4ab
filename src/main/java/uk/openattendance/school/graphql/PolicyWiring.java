package uk.openattendance.school.graphql;

import static uk.openattendance.security.graphql.GraphqlCaller.actor;
import static uk.openattendance.platform.graphql.GraphqlContext.id;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import java.util.Map;
import uk.openattendance.platform.graphql.GraphqlWiring;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.school.app.PolicyChangeView;
import uk.openattendance.school.app.PolicyService;
import uk.openattendance.school.app.SchoolPolicyView;
import uk.openattendance.school.app.TrustPolicyView;

/**
 * A school's and a trust's policy settings over GraphQL. The settings tree is deep and grows with every rule, so it
 * travels as a JSON object in a string (as Letter.facts does), and a change is the same JSON merge patch REST takes,
 * handed to the same PolicyService method.
 */
@Singleton
public class PolicyWiring implements GraphqlWiring {
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final PolicyService policies;
    private final ObjectMapper json;

    public PolicyWiring(PolicyService policies, ObjectMapper json) {
        this.policies = policies;
        this.json = json;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("schoolPolicy", env -> policies.policy(actor(env), id(env, "schoolId")))
                .dataFetcher("schoolPolicyHistory", env -> policies.history(actor(env), id(env, "schoolId")))
                .dataFetcher("trustPolicyDefaults", env -> policies.trustDefaults(actor(env), id(env, "trustId"))));
        wiring.type("Mutation", t -> t
                .dataFetcher("changeSchoolPolicy", env -> policies.change(actor(env), id(env, "schoolId"), patch(env)))
                .dataFetcher("changeTrustPolicyDefaults", env -> policies.changeTrustDefaults(actor(env), id(env, "trustId"), patch(env))));
        wiring.type("SchoolPolicy", t -> t
                .dataFetcher("settings", env -> write(env.<SchoolPolicyView>getSource().settings()))
                .dataFetcher("overrides", env -> write(env.<SchoolPolicyView>getSource().overrides())));
        wiring.type("PolicyChange", t -> t.dataFetcher("patch", env -> write(env.<PolicyChangeView>getSource().patch())));
        wiring.type("TrustPolicyDefaults", t -> t.dataFetcher("defaults", env -> write(env.<TrustPolicyView>getSource().defaults())));
    }

    private Map<String, Object> patch(DataFetchingEnvironment env) {
        String text = env.getArgument("patch");
        try {
            Map<String, Object> patch = json.readValue(text, OBJECT);
            if (patch == null) {
                throw new JsonProcessingException("null") {};
            }
            return patch;
        } catch (JsonProcessingException e) {
            throw DomainProblem.field(CommonProblem.VALIDATION_FAILED, "patch", "a JSON merge patch as a JSON object, e.g. {\"firstDay\": {\"phoneFrom\": \"10:15\"}}");
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value == null ? Map.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Policy settings could not be written as JSON", e);
        }
    }
}
