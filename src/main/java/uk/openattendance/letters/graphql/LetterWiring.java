package uk.openattendance.letters.graphql;

import static uk.openattendance.platform.graphql.GraphqlContext.date;
import static uk.openattendance.platform.graphql.GraphqlContext.id;
import static uk.openattendance.platform.graphql.GraphqlContext.ids;
import static uk.openattendance.platform.graphql.GraphqlContext.optionalId;
import static uk.openattendance.security.graphql.GraphqlCaller.actor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import java.util.Map;
import uk.openattendance.letters.app.AttendanceCharts;
import uk.openattendance.letters.app.LetterRuns;
import uk.openattendance.letters.app.LetterService;
import uk.openattendance.letters.app.LetterTemplates;
import uk.openattendance.letters.app.LetterView;
import uk.openattendance.platform.graphql.GraphqlWiring;

/** Letter runs, drafts, approvals and history over GraphQL: each calls the same service method as its REST twin. */
@Singleton
public class LetterWiring implements GraphqlWiring {
    private final LetterService letters;
    private final LetterRuns runs;
    private final LetterTemplates templates;
    private final ObjectMapper json;
    private final AttendanceCharts charts;

    public LetterWiring(LetterService letters, LetterRuns runs, LetterTemplates templates, ObjectMapper json, AttendanceCharts charts) {
        this.charts = charts;
        this.letters = letters;
        this.runs = runs;
        this.templates = templates;
        this.json = json;
    }

    /** node(id) of a letter reads it as letter(schoolId, id) does. */
    @Override
    public java.util.List<uk.openattendance.platform.graphql.NodeType<?>> nodeTypes() {
        return java.util.List.of(new uk.openattendance.platform.graphql.NodeType<>("Letter", LetterView.class, LetterView::id, LetterView::schoolId,
                (env, school, id) -> letters.get(actor(env), school, id)));
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("letters", env -> letters.list(actor(env), id(env, "schoolId"), env.getArgument("status")))
                .dataFetcher("letter", env -> letters.get(actor(env), id(env, "schoolId"), id(env, "id")))
                .dataFetcher("pupilLetters", env -> letters.ofPupil(actor(env), id(env, "schoolId"), id(env, "pupilId")))
                .dataFetcher("letterExceptions", env -> letters.exceptions(actor(env), id(env, "schoolId")))
                .dataFetcher("printQueue", env -> letters.printQueue(actor(env), id(env, "schoolId")))
                .dataFetcher("letterTemplates", env -> templates.templates(actor(env), id(env, "schoolId"), env.getArgument("language")))
                .dataFetcher("attendanceChart", env -> charts.chart(actor(env), id(env, "schoolId"), optionalId(env, "pupilId").orElse(null),
                        optionalId(env, "registerGroupId").orElse(null), date(env, "from"), date(env, "to")).svg()));
        wiring.type("Mutation", t -> t
                .dataFetcher("runLetters", env -> runs.run(actor(env), id(env, "schoolId"), date(env, "asOf")))
                .dataFetcher("editLetter", env -> letters.edit(actor(env), id(env, "schoolId"), id(env, "id"), new LetterService.EditLetter(
                        env.getArgument("subject"), env.getArgument("bodyHtml"), env.getArgument("version") == null ? null
                        : env.<Integer>getArgument("version").longValue())))
                .dataFetcher("approveLetters", env -> letters.approve(actor(env), id(env, "schoolId"), ids(env, "letterIds")))
                .dataFetcher("discardLetters", env -> letters.discard(actor(env), id(env, "schoolId"), ids(env, "letterIds")))
                .dataFetcher("emailLetters", env -> letters.email(actor(env), id(env, "schoolId"), ids(env, "letterIds")))
                .dataFetcher("recordImprovementMeeting", env -> runs.recordImprovementMeeting(actor(env), id(env, "schoolId"), id(env, "pupilId"),
                        new LetterRuns.RecordMeeting(date(env, "heldOn"), env.getArgument("plan"), date(env, "reviewDate"))))
                .dataFetcher("recordLetterException", env -> letters.recordException(actor(env), id(env, "schoolId"), new LetterService.RecordException(
                        optionalId(env, "pupilId").orElse(null), env.getArgument("kind"), env.getArgument("reason"), date(env, "fromDate"), date(env, "toDate"))))
                .dataFetcher("saveSchoolLetterTemplate", env -> templates.saveSchoolTemplate(actor(env), id(env, "schoolId"), env.getArgument("kind"),
                        env.getArgument("language"), new LetterTemplates.SaveTemplate(env.getArgument("subject"), env.getArgument("body"))))
                .dataFetcher("saveTrustLetterTemplate", env -> templates.saveTrustTemplate(actor(env), id(env, "trustId"), env.getArgument("kind"),
                        env.getArgument("language"), new LetterTemplates.SaveTemplate(env.getArgument("subject"), env.getArgument("body"))))
                .dataFetcher("draftStartOfYearLetters", env -> runs.startOfYear(actor(env), id(env, "schoolId"), date(env, "asOf"))));
        wiring.type("Letter", t -> t.dataFetcher("facts", env -> toJson(env.<LetterView>getSource().facts())));
        wiring.type("LetterRun", t -> t.dataFetcher("byKind", env -> env.<LetterRuns.RunResult>getSource().byKind().entrySet().stream()
                .map(e -> Map.of("kind", e.getKey(), "count", e.getValue())).toList()));
    }

    private String toJson(Map<String, Object> facts) {
        try {
            return json.writeValueAsString(facts == null ? Map.of() : facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A letter's facts could not be written as JSON", e);
        }
    }
}
