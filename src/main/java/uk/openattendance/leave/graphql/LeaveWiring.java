package uk.openattendance.leave.graphql;

import static uk.openattendance.platform.graphql.GraphqlContext.date;
import static uk.openattendance.platform.graphql.GraphqlContext.id;
import static uk.openattendance.security.graphql.GraphqlCaller.actor;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import java.util.Map;
import uk.openattendance.leave.app.DecideLeave;
import uk.openattendance.leave.app.LeaveService;
import uk.openattendance.leave.app.RequestLeave;
import uk.openattendance.leave.domain.LeaveGround;
import uk.openattendance.platform.graphql.GraphqlWiring;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.school.domain.Session;

/** Leave requests and the headteacher's decisions over GraphQL: each calls the same service method as its REST twin. */
@Singleton
public class LeaveWiring implements GraphqlWiring {
    private final LeaveService leave;

    public LeaveWiring(LeaveService leave) {
        this.leave = leave;
    }

    /** node(id) of a leave request reads it as leaveRequest(schoolId, id) does. */
    @Override
    public java.util.List<uk.openattendance.platform.graphql.NodeType<?>> nodeTypes() {
        return java.util.List.of(new uk.openattendance.platform.graphql.NodeType<>("LeaveRequest", uk.openattendance.leave.app.LeaveRequestView.class,
                uk.openattendance.leave.app.LeaveRequestView::id, uk.openattendance.leave.app.LeaveRequestView::schoolId,
                (env, school, id) -> leave.get(actor(env), school, id)));
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("leaveRequests", env -> leave.list(actor(env), id(env, "schoolId"), env.getArgument("status")))
                .dataFetcher("leaveRequest", env -> leave.get(actor(env), id(env, "schoolId"), id(env, "id")))
                .dataFetcher("pupilLeaveRequests", env -> leave.ofPupil(actor(env), id(env, "schoolId"), id(env, "pupilId")))
                .dataFetcher("assessmentPeriods", env -> leave.assessmentPeriods(actor(env), id(env, "schoolId")))
                .dataFetcher("leaveEvidencePrompts", env -> leave.evidencePrompts(actor(env), id(env, "schoolId"),
                        uk.openattendance.platform.graphql.GraphqlContext.date(env, "from"), uk.openattendance.platform.graphql.GraphqlContext.date(env, "to"))));
        wiring.type("Mutation", t -> t
                .dataFetcher("addAssessmentPeriod", env -> leave.addAssessmentPeriod(actor(env), id(env, "schoolId"), env.getArgument("name"),
                        uk.openattendance.platform.graphql.GraphqlContext.date(env, "startsOn"), uk.openattendance.platform.graphql.GraphqlContext.date(env, "endsOn")))
                .dataFetcher("requestLeave", env -> leave.request(actor(env), id(env, "schoolId"), request(env)))
                .dataFetcher("decideLeaveRequest", env -> leave.decide(actor(env), id(env, "schoolId"), id(env, "id"), decision(env)))
                .dataFetcher("withdrawLeaveRequest", env -> leave.withdraw(actor(env), id(env, "schoolId"), id(env, "id")))
                .dataFetcher("confirmRefusedLeaveTaken", env -> leave.confirmRefusedLeaveTaken(actor(env), id(env, "schoolId"), id(env, "id"))));
    }

    /** The {@code request} input, shared with a parent's own request so both refuse the same inputs naming the same fields. */
    public static RequestLeave request(DataFetchingEnvironment env) {
        Map<String, Object> in = env.getArgument("request");
        return new RequestLeave(optionalLong(in.get("pupilId"), "request.pupilId"), LeaveGround.valueOf((String) in.get("ground")),
                date(in.get("firstDate"), "request.firstDate"), session(in.get("firstSession")), date(in.get("lastDate"), "request.lastDate"),
                session(in.get("lastSession")), (String) in.get("reason"), (String) in.get("festival"),
                optionalLong(in.get("requesterContactId"), "request.requesterContactId"));
    }

    private static DecideLeave decision(DataFetchingEnvironment env) {
        Map<String, Object> in = env.getArgument("decision");
        Object version = in.get("version");
        return new DecideLeave(DecideLeave.Outcome.valueOf((String) in.get("outcome")), date(in.get("approvedFromDate"), "decision.approvedFromDate"),
                session(in.get("approvedFromSession")), date(in.get("approvedToDate"), "decision.approvedToDate"), session(in.get("approvedToSession")),
                (String) in.get("note"), version == null ? null : ((Number) version).longValue());
    }

    private static Long optionalLong(Object v, String field) {
        return v == null ? null : uk.openattendance.platform.graphql.GraphqlContext.idValue(v, field);
    }

    private static Session session(Object v) {
        return v == null ? null : Session.valueOf(String.valueOf(v));
    }
}
