package uk.openattendance.register.graphql;

import static uk.openattendance.platform.graphql.GraphqlContext.id;
import static uk.openattendance.platform.graphql.GraphqlContext.optionalId;
import static uk.openattendance.security.graphql.GraphqlCaller.actor;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Map;
import uk.openattendance.platform.graphql.GraphqlWiring;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.register.app.AmendMark;
import uk.openattendance.register.app.AmendmentService;
import uk.openattendance.register.app.Cohort;
import uk.openattendance.register.app.FiguresService;
import uk.openattendance.register.app.HistoryService;
import uk.openattendance.register.app.RegisterProblem;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SubmitRegister;
import uk.openattendance.register.app.WindowRequest;
import uk.openattendance.register.domain.CodeCatalogue;
import uk.openattendance.school.domain.Session;

/** Registers and figures over GraphQL: each field calls the same service method as its REST twin. */
@Singleton
public class RegisterWiring implements GraphqlWiring {
    private final RegisterService registers;
    private final AmendmentService amendments;
    private final FiguresService figures;
    private final HistoryService history;
    private final ObjectMapper json;

    public RegisterWiring(RegisterService registers, AmendmentService amendments, FiguresService figures, HistoryService history, ObjectMapper json) {
        this.registers = registers;
        this.amendments = amendments;
        this.figures = figures;
        this.history = history;
        this.json = json;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("attendanceCodes", env -> env.getArgument("date") == null ? CodeCatalogue.all() : CodeCatalogue.inForceOn(date(env, "date")))
                .dataFetcher("register", env -> registers.register(actor(env), id(env, "schoolId"), date(env, "date"), session(env),
                        optionalId(env, "registerGroupId").orElse(null), env.getArgument("form")))
                .dataFetcher("attendance", env -> figures.groups(actor(env), id(env, "schoolId"),
                        FiguresService.GroupBy.valueOf(env.getArgumentOrDefault("groupBy", "SCHOOL")),
                        env.getArgument("cohort") == null ? null : Cohort.valueOf(env.getArgument("cohort")), window(env)))
                .dataFetcher("persistentAbsentees", env -> figures.persistentAbsentees(actor(env), id(env, "schoolId"), window(env),
                        Boolean.TRUE.equals(env.getArgument("severeOnly"))))
                .dataFetcher("trustPersistentAbsentees", env -> figures.trustPersistentAbsentees(actor(env), id(env, "trustId"), window(env)))
                .dataFetcher("markHistory", env -> history.history(actor(env), id(env, "schoolId"), id(env, "pupilId"))));
        wiring.type("Mutation", t -> t
                .dataFetcher("takeRegister", env -> registers.submit(actor(env), id(env, "schoolId"), date(env, "date"), session(env),
                        convert(takeRegisterInput(env), SubmitRegister.class)))
                .dataFetcher("amendMark", env -> amendments.amend(actor(env), id(env, "schoolId"), id(env, "pupilId"), date(env, "date"), session(env),
                        new AmendMark(env.getArgument("code"), env.getArgument("minutesLate"), env.getArgument("reason"), env.getArgument("version")))));
    }

    private static Map<String, Object> takeRegisterInput(DataFetchingEnvironment env) {
        Map<String, Object> input = new java.util.HashMap<>();
        input.put("marks", env.<Object>getArgument("marks"));
        input.put("reason", env.<Object>getArgumentOrDefault("reason", ""));
        Object paper = env.getArgument("takenAtRegistration");
        if (paper != null) {
            input.put("takenAtRegistration", paper);
        }
        return input;
    }

    private <T> T convert(Map<String, Object> input, Class<T> type) {
        Map<String, Object> copy = new java.util.HashMap<>(input);
        if ("".equals(copy.get("reason"))) {
            copy.remove("reason");
        }
        try {
            return json.convertValue(copy, type);
        } catch (IllegalArgumentException e) {
            throw DomainProblem.field(RegisterProblem.REGISTER_NOT_VALID, "marks", "marks with pupilId and a code or an arrival time (HH:MM): "
                    + e.getMessage().split("\n")[0]);
        }
    }

    private static LocalDate date(DataFetchingEnvironment env, String name) {
        Object value = env.getArgument(name);
        try {
            return value instanceof LocalDate typed ? typed : LocalDate.parse(String.valueOf(value));
        } catch (RuntimeException e) {
            throw DomainProblem.field(RegisterProblem.REGISTER_NOT_VALID, name, "a date as YYYY-MM-DD, not '" + value + "'");
        }
    }

    private static Session session(DataFetchingEnvironment env) {
        return Session.valueOf(env.getArgument("session"));
    }

    private static WindowRequest window(DataFetchingEnvironment env) {
        Map<String, Object> w = env.getArgument("window");
        if (w == null) {
            return null;
        }
        return new WindowRequest(w.get("kind") == null ? null : WindowRequest.Kind.valueOf((String) w.get("kind")), parse(w.get("from"), "window.from"),
                parse(w.get("to"), "window.to"), parse(w.get("date"), "window.date"), (Integer) w.get("weeks"));
    }

    private static LocalDate parse(Object v, String field) {
        if (v == null) {
            return null;
        }
        try {
            return v instanceof LocalDate typed ? typed : LocalDate.parse(String.valueOf(v));
        } catch (RuntimeException e) {
            throw DomainProblem.field(RegisterProblem.REGISTER_NOT_VALID, field, "a date as YYYY-MM-DD");
        }
    }
}
