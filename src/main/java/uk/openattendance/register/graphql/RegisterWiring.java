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
import java.math.BigDecimal;
import uk.openattendance.platform.graphql.GraphqlContext;
import uk.openattendance.register.app.AmendMark;
import uk.openattendance.register.app.CloseSessions;
import uk.openattendance.register.app.DailyLists;
import uk.openattendance.register.app.MissingRegisters;
import uk.openattendance.register.app.RecordArrival;
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
    private final MissingRegisters missing;
    private final DailyLists daily;

    public RegisterWiring(RegisterService registers, AmendmentService amendments, FiguresService figures, HistoryService history, ObjectMapper json,
            MissingRegisters missing, DailyLists daily) {
        this.missing = missing;
        this.daily = daily;
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
                .dataFetcher("markHistory", env -> history.history(actor(env), id(env, "schoolId"), id(env, "pupilId")))
                .dataFetcher("pupilMarks", env -> registers.marksOfPupil(actor(env), id(env, "schoolId"), id(env, "pupilId"), date(env, "from"),
                        date(env, "to")))
                .dataFetcher("untaken", env -> missing.untaken(actor(env), id(env, "schoolId"), env.getArgument("date") == null ? null : date(env, "date")))
                .dataFetcher("unresolvedN", env -> amendments.unresolvedN(actor(env), id(env, "schoolId")))
                .dataFetcher("dayList", env -> daily.day(actor(env), id(env, "schoolId"), date(env, "date"), session(env)))
                .dataFetcher("absentToday", env -> daily.absentToday(actor(env), id(env, "schoolId")))
                .dataFetcher("pupilAttendance", env -> figures.pupil(actor(env), id(env, "schoolId"), id(env, "pupilId"), window(env)))
                .dataFetcher("atRisk", env -> figures.atRisk(actor(env), id(env, "schoolId"), window(env), percent(env, "fromPercent"),
                        percent(env, "belowPercent")))
                .dataFetcher("fullAttendance", env -> figures.fullAttendance(actor(env), id(env, "schoolId"), window(env)))
                .dataFetcher("bestClasses", env -> figures.bestClassPerKeyStage(actor(env), id(env, "schoolId"),
                        env.getArgument("date") == null ? null : date(env, "date")))
                .dataFetcher("dayOfWeekPattern", env -> figures.dayOfWeek(actor(env), id(env, "schoolId"), optionalId(env, "pupilId").orElse(null),
                        env.getArgument("cohort") == null ? null : Cohort.valueOf(env.getArgument("cohort")), window(env)))
                .dataFetcher("lateness", env -> figures.lateness(actor(env), id(env, "schoolId"), window(env),
                        Math.max(1, GraphqlContext.intArg(env, "minutesPerDay", 390))))
                .dataFetcher("trustAttendance", env -> figures.trustSchools(actor(env), id(env, "trustId"), window(env))));
        wiring.type("Mutation", t -> t
                .dataFetcher("takeRegister", env -> registers.submit(actor(env), id(env, "schoolId"), date(env, "date"), session(env),
                        convert(takeRegisterInput(env), SubmitRegister.class)))
                .dataFetcher("amendMark", env -> amendments.amend(actor(env), id(env, "schoolId"), id(env, "pupilId"), date(env, "date"), session(env),
                        new AmendMark(env.getArgument("code"), env.getArgument("minutesLate"), env.getArgument("reason"), env.getArgument("version"))))
                .dataFetcher("recordArrival", env -> amendments.arrival(actor(env), id(env, "schoolId"), new RecordArrival(id(env, "pupilId"),
                        env.getArgument("arrivedAt"))))
                .dataFetcher("closeSessions", env -> amendments.closeSessions(actor(env), id(env, "schoolId"),
                        GraphqlContext.input(env, "closure", json, CloseSessions.class)))
                .dataFetcher("convertOverdueN", env -> Map.of("converted", amendments.convertOverdueN(actor(env), id(env, "schoolId")))));
        wiring.type("DayPattern", t -> t.dataFetcher("day", env -> env.<FiguresService.DayPattern>getSource().day().name()));
    }

    private static Map<String, Object> takeRegisterInput(DataFetchingEnvironment env) {
        Map<String, Object> input = new java.util.HashMap<>();
        input.put("marks", uk.openattendance.platform.graphql.GraphqlContext.plainIds(env.<Object>getArgument("marks")));
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

    private static BigDecimal percent(DataFetchingEnvironment env, String name) {
        Object v = env.getArgument(name);
        return new BigDecimal(String.valueOf(v));
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
