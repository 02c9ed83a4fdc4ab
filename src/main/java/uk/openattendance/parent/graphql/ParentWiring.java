package uk.openattendance.parent.graphql;

import static uk.openattendance.platform.graphql.GraphqlContext.id;
import static uk.openattendance.security.graphql.GraphqlCaller.actor;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import uk.openattendance.absence.app.AbsenceService;
import uk.openattendance.absence.domain.ReportChannel;
import uk.openattendance.absence.graphql.AbsenceWiring;
import uk.openattendance.leave.app.LeaveService;
import uk.openattendance.leave.graphql.LeaveWiring;
import uk.openattendance.parent.app.ParentPortal;
import uk.openattendance.platform.graphql.GraphqlWiring;

/** A signed-in parent's view of their own children over GraphQL: each field calls the same portal method as its REST twin. */
@Singleton
public class ParentWiring implements GraphqlWiring {
    private final ParentPortal parents;

    public ParentWiring(ParentPortal parents) {
        this.parents = parents;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("myChildrensAttendance", env -> parents.attendance(actor(env), id(env, "schoolId")))
                .dataFetcher("myLetters", env -> parents.letters(actor(env), id(env, "schoolId")))
                .dataFetcher("myMessages", env -> parents.messages(actor(env), id(env, "schoolId")))
                .dataFetcher("myAbsenceReports", env -> parents.absenceReports(actor(env), id(env, "schoolId")))
                .dataFetcher("myChildren", env -> parents.children(actor(env), id(env, "schoolId")))
                .dataFetcher("myLeaveRequests", env -> parents.myLeaveRequests(actor(env), id(env, "schoolId"))));
        wiring.type("Mutation", t -> t
                .dataFetcher("reportMyChildrensAbsence", env -> parents.report(actor(env), id(env, "schoolId"), AbsenceWiring.report(env),
                        ReportChannel.PARENT_APP))
                .dataFetcher("requestMyChildsLeave", env -> parents.requestLeave(actor(env), id(env, "schoolId"), LeaveWiring.request(env))));
        // the report's own fields sit one level down in REST; GraphQL flattens them beside the status
        wiring.type("MyAbsenceReport", t -> t
                .dataFetcher("report", env -> env.<AbsenceService.FamilyReport>getSource().report())
                .dataFetcher("reference", env -> env.<AbsenceService.FamilyReport>getSource().status().reference())
                .dataFetcher("status", env -> env.<AbsenceService.FamilyReport>getSource().status().status().name())
                .dataFetcher("statusWords", env -> env.<AbsenceService.FamilyReport>getSource().status().words()));
        wiring.type("MyLeaveRequest", t -> t
                .dataFetcher("request", env -> env.<LeaveService.FamilyLeave>getSource().request())
                .dataFetcher("reference", env -> env.<LeaveService.FamilyLeave>getSource().status().reference())
                .dataFetcher("status", env -> env.<LeaveService.FamilyLeave>getSource().status().status().name())
                .dataFetcher("statusWords", env -> env.<LeaveService.FamilyLeave>getSource().status().words())
                .dataFetcher("note", env -> env.<LeaveService.FamilyLeave>getSource().status().note()));
    }
}
