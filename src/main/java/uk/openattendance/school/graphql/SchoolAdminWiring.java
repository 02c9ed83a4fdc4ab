package uk.openattendance.school.graphql;

import static uk.openattendance.security.graphql.GraphqlCaller.actor;
import static uk.openattendance.platform.graphql.GraphqlContext.id;
import static uk.openattendance.platform.graphql.GraphqlContext.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import uk.openattendance.platform.graphql.GraphqlWiring;
import uk.openattendance.school.app.CalendarService;
import uk.openattendance.school.app.ClosureCommand;
import uk.openattendance.school.app.CreateSchool;
import uk.openattendance.school.app.CreateTrust;
import uk.openattendance.school.app.RegisterGroupCommand;
import uk.openattendance.school.app.RegisterGroupService;
import uk.openattendance.school.app.SchoolDetails;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.school.app.SmsSenders;
import uk.openattendance.school.app.TermCommand;

/**
 * Setting a school up over GraphQL: trusts, schools, register groups, the calendar and SMS senders. Each field binds
 * its input to the command record the REST body binds to and calls the same service method.
 */
@Singleton
public class SchoolAdminWiring implements GraphqlWiring {
    private final SchoolService schools;
    private final RegisterGroupService groups;
    private final CalendarService calendars;
    private final SmsSenders senders;
    private final ObjectMapper json;

    public SchoolAdminWiring(SchoolService schools, RegisterGroupService groups, CalendarService calendars, SmsSenders senders, ObjectMapper json) {
        this.schools = schools;
        this.groups = groups;
        this.calendars = calendars;
        this.senders = senders;
        this.json = json;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("registerGroup", env -> groups.registerGroup(actor(env), id(env, "schoolId"), id(env, "groupId")))
                .dataFetcher("calendar", env -> calendars.view(actor(env), id(env, "schoolId")))
                .dataFetcher("schoolSender", env -> senders.school(actor(env), id(env, "schoolId")))
                .dataFetcher("trustSender", env -> senders.trust(actor(env), id(env, "trustId"))));
        wiring.type("Mutation", t -> t
                .dataFetcher("createTrust", env -> schools.createTrust(actor(env), new CreateTrust(env.getArgument("name"))))
                .dataFetcher("createSchool", env -> schools.createSchool(actor(env), input(env, "school", json, CreateSchool.class)))
                .dataFetcher("updateSchoolDetails", env -> schools.updateDetails(actor(env), id(env, "schoolId"), env.<Integer>getArgument("version"),
                        input(env, "details", json, SchoolDetails.class)))
                .dataFetcher("createRegisterGroup", env -> groups.create(actor(env), id(env, "schoolId"), input(env, "group", json, RegisterGroupCommand.class)))
                .dataFetcher("updateRegisterGroup", env -> groups.update(actor(env), id(env, "schoolId"), id(env, "groupId"),
                        input(env, "group", json, RegisterGroupCommand.class)))
                .dataFetcher("addTerm", env -> calendars.addTerm(actor(env), id(env, "schoolId"), input(env, "term", json, TermCommand.class)))
                .dataFetcher("addClosure", env -> calendars.addClosure(actor(env), id(env, "schoolId"), input(env, "closure", json, ClosureCommand.class)))
                .dataFetcher("setSchoolSender", env -> senders.setForSchool(actor(env), id(env, "schoolId"), env.getArgument("smsSender")))
                .dataFetcher("setTrustSender", env -> senders.setForTrust(actor(env), id(env, "trustId"), env.getArgument("smsSender"))));
    }
}
