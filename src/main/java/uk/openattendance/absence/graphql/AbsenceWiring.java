package uk.openattendance.absence.graphql;

import static uk.openattendance.platform.graphql.GraphqlContext.id;
import static uk.openattendance.security.graphql.GraphqlCaller.actor;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import uk.openattendance.absence.app.AbsenceProblem;
import uk.openattendance.absence.app.AbsenceReportView;
import uk.openattendance.absence.app.AbsenceService;
import uk.openattendance.absence.app.AcceptSuggestions;
import uk.openattendance.absence.app.ReplySuggestions;
import uk.openattendance.platform.graphql.GraphqlContext;
import uk.openattendance.absence.app.ReportAbsence;
import uk.openattendance.absence.domain.ReportCategory;
import uk.openattendance.absence.domain.ReportChannel;
import uk.openattendance.notify.app.InboundTexts;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.platform.graphql.Connections;
import uk.openattendance.platform.graphql.GraphqlWiring;
import uk.openattendance.platform.graphql.NodeType;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.school.domain.Session;

/** Absence reports, messages and inbound review over GraphQL: each calls the same service method as its REST twin. */
@Singleton
public class AbsenceWiring implements GraphqlWiring {
    private final AbsenceService absences;
    private final Outbox outbox;
    private final InboundTexts inbound;
    private final ReplySuggestions suggestions;

    public AbsenceWiring(AbsenceService absences, Outbox outbox, InboundTexts inbound, ReplySuggestions suggestions) {
        this.suggestions = suggestions;
        this.absences = absences;
        this.outbox = outbox;
        this.inbound = inbound;
    }

    /**
     * node(id) of an absence report, a sent message or an inbound text reads it with the permission of the list that
     * shows it (absenceReports, messages, inboundMessages). A text no school has (the trust's or the platform's queue)
     * has a global id without a school, and node(id) does not read those: they are not a school's records.
     */
    @Override
    public List<NodeType<?>> nodeTypes() {
        return List.of(new NodeType<>("AbsenceReport", AbsenceReportView.class, AbsenceReportView::id, AbsenceReportView::schoolId,
                        (env, school, id) -> absences.report(actor(env), school, id)),
                new NodeType<>("Message", Outbox.MessageView.class, Outbox.MessageView::id, Outbox.MessageView::schoolId,
                        (env, school, id) -> outbox.message(actor(env), school, id)),
                new NodeType<>("InboundMessage", InboundTexts.InboundView.class, InboundTexts.InboundView::id, InboundTexts.InboundView::schoolId,
                        (env, school, id) -> inbound.text(actor(env), school, id)));
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("absenceReports", env -> absences.reportsOn(actor(env), id(env, "schoolId"), date(env.getArgument("date"), "date")))
                .dataFetcher("absenceReport", env -> absences.report(actor(env), id(env, "schoolId"), id(env, "id")))
                .dataFetcher("message", env -> outbox.message(actor(env), id(env, "schoolId"), id(env, "id")))
                .dataFetcher("messages", env -> {
                    LocalDate about = env.getArgument("date") == null ? null : date(env.getArgument("date"), "date");
                    MessagePurpose purpose = env.getArgument("purpose") == null ? null : purpose(env.getArgument("purpose"));
                    Connections.Window window = Connections.window(env);
                    long school = id(env, "schoolId");
                    return Connections.counted(window, outbox.countMessages(actor(env), school, about, purpose),
                            (page, size) -> outbox.messages(actor(env), school, about, purpose, page, size));
                })
                .dataFetcher("inboundMessages", env -> {
                    Connections.Window window = Connections.window(env);
                    long school = id(env, "schoolId");
                    String status = env.getArgument("status");
                    return Connections.counted(window, inbound.countOfSchool(actor(env), school, status),
                            (page, size) -> inbound.ofSchool(actor(env), school, status, page, size));
                })
                .dataFetcher("reportChanges", env -> absences.reportChanges(actor(env), id(env, "schoolId"), env.getArgument("cursor"),
                        GraphqlContext.instant(env, "updatedSince"), env.getArgument("size")))
                .dataFetcher("pupilAbsenceReports", env -> absences.reportsOfPupil(actor(env), id(env, "schoolId"), id(env, "pupilId"))));
        wiring.type("Mutation", t -> t
                .dataFetcher("reportAbsence", env -> absences.report(actor(env), id(env, "schoolId"), report(env),
                        ReportChannel.valueOf(env.getArgumentOrDefault("channel", "PHONE_CALL")))));
        wireSuggestions(wiring, suggestions);
    }

    private static void wireSuggestions(RuntimeWiring.Builder wiring, ReplySuggestions suggestions) {
        wiring.type("Mutation", t -> t.dataFetcher("acceptInboundSuggestions", env -> suggestions.accept(actor(env), id(env, "schoolId"),
                id(env, "id"), new AcceptSuggestions(GraphqlContext.ids(env, "pupilIds")))));
    }

    /** The {@code report} input, shared with the parents' own report so both refuse the same inputs naming the same fields. */
    public static ReportAbsence report(DataFetchingEnvironment env) {
        Map<String, Object> in = env.getArgument("report");
        List<Long> pupils = ((List<?>) in.get("pupilIds")).stream().map(v -> {
            try {
                return GraphqlContext.idValue(v, "report.pupilIds");
            } catch (DomainProblem e) {
                throw DomainProblem.field(AbsenceProblem.REPORT_NOT_VALID, "report.pupilIds", "pupils' global ids or numeric ids");
            }
        }).toList();
        return new ReportAbsence(pupils, date(in.get("firstDate"), "report.firstDate"), session(in.get("firstSession")),
                date(in.get("lastDate"), "report.lastDate"), session(in.get("lastSession")), date(in.get("expectedReturn"),
                "report.expectedReturn"), ReportCategory.valueOf((String) in.get("category")), (String) in.get("reason"), (Boolean) in.get("evidenceToFollow"),
                null);
    }

    private static Session session(Object v) {
        return v == null ? null : Session.valueOf(String.valueOf(v));
    }

    private static MessagePurpose purpose(String v) {
        try {
            return MessagePurpose.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw DomainProblem.field(AbsenceProblem.REPORT_NOT_VALID, "purpose", "one of " + java.util.Arrays.toString(MessagePurpose.values()));
        }
    }

    private static LocalDate date(Object value, String field) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (RuntimeException e) {
            throw DomainProblem.field(AbsenceProblem.REPORT_NOT_VALID, field, "a date as YYYY-MM-DD, not '" + value + "'");
        }
    }
}
