package uk.openattendance.roll.graphql;

import static uk.openattendance.platform.graphql.GraphqlContext.id;
import static uk.openattendance.platform.graphql.GraphqlContext.optionalId;
import static uk.openattendance.security.graphql.GraphqlCaller.actor;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import uk.openattendance.platform.graphql.Connections;
import uk.openattendance.platform.graphql.GraphqlWiring;
import uk.openattendance.platform.graphql.NodeType;
import uk.openattendance.platform.paging.PageRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Map;
import uk.openattendance.platform.graphql.GraphqlContext;
import uk.openattendance.roll.app.AddressCommand;
import uk.openattendance.roll.app.ContactCommand;
import uk.openattendance.roll.app.DeletePupil;
import uk.openattendance.roll.app.PupilCommand;
import uk.openattendance.roll.domain.DeletionGround;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.ContactView;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.school.app.RegisterGroupView;
import uk.openattendance.school.app.SchoolView;
import uk.openattendance.school.graphql.SchoolWiring;
import uk.openattendance.security.Actor;
import uk.openattendance.security.graphql.CallerDataLoaders;

/** Pupils and contacts over GraphQL; nested fields load in batches, one query per level whatever the number of pupils. */
@Singleton
public class RollWiring implements GraphqlWiring, CallerDataLoaders {
    static final String CONTACTS_BY_PUPIL = "contactsByPupil";

    private final PupilService pupils;
    private final ContactService contacts;
    private final ObjectMapper json;

    public RollWiring(PupilService pupils, ContactService contacts, ObjectMapper json) {
        this.json = json;
        this.pupils = pupils;
        this.contacts = contacts;
    }

    /** node(id) of a pupil reads it as pupil(schoolId, id) does; of a contact, with contacts(schoolId, pupilId)'s permission. */
    @Override
    public List<NodeType<?>> nodeTypes() {
        return List.of(new NodeType<>("Pupil", PupilView.class, PupilView::id, PupilView::schoolId, (env, school, id) -> pupils.pupil(actor(env), school, id)),
                new NodeType<>("Contact", ContactView.class, ContactView::contactId, ContactView::schoolId,
                        (env, school, id) -> contacts.contact(actor(env), school, id)));
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("pupil", env -> pupils.pupil(actor(env), id(env, "schoolId"), id(env, "id")))
                .dataFetcher("contacts", env -> contacts.contactsOf(actor(env), id(env, "schoolId"), id(env, "pupilId")))
                .dataFetcher("admissionHistory", env -> pupils.admissionHistory(actor(env), id(env, "schoolId"), id(env, "pupilId")))
                .dataFetcher("localAuthorityReturns", env -> pupils.localAuthorityReturns(actor(env), id(env, "schoolId")))
                // the same static list REST answers: the grounds are the regulation's, not any school's
                .dataFetcher("deletionGrounds", env -> Arrays.stream(DeletionGround.values())
                        .map(g -> Map.of("ground", g.name(), "meaning", g.meaning())).toList()));
        wiring.type("Mutation", t -> t
                .dataFetcher("admitPupil", env -> pupils.admit(actor(env), id(env, "schoolId"), GraphqlContext.input(env, "pupil", json, PupilCommand.class)))
                .dataFetcher("updatePupil", env -> pupils.update(actor(env), id(env, "schoolId"), id(env, "pupilId"),
                        GraphqlContext.input(env, "pupil", json, PupilCommand.class)))
                .dataFetcher("deletePupil", env -> pupils.delete(actor(env), id(env, "schoolId"), id(env, "pupilId"),
                        GraphqlContext.input(env, "deletion", json, DeletePupil.class)))
                .dataFetcher("addContact", env -> contacts.addContact(actor(env), id(env, "schoolId"), id(env, "pupilId"),
                        GraphqlContext.input(env, "contact", json, ContactCommand.class))));
        wiring.type("School", t -> t.dataFetcher("pupils", env -> Connections.paged(Connections.window(env), (page, size) -> pupils.pupils(actor(env),
                ((SchoolView) env.getSource()).id(), optionalId(env, "registerGroupId").orElse(null), new PageRequest(page, size)))));
        wiring.type("Pupil", t -> t
                .dataFetcher("registerGroup", env -> env.<Long, RegisterGroupView>getDataLoader(SchoolWiring.REGISTER_GROUP_BY_ID)
                        .load(((PupilView) env.getSource()).registerGroupId()))
                .dataFetcher("school", env -> env.<Long, SchoolView>getDataLoader(SchoolWiring.SCHOOL_BY_ID).load(((PupilView) env.getSource()).schoolId()))
                .dataFetcher("contacts", env -> env.<Long, List<ContactView>>getDataLoader(CONTACTS_BY_PUPIL)
                        .load(((PupilView) env.getSource()).id()).thenApply(list -> list == null ? List.of() : list)));
        wiring.type("Contact", t -> t.dataFetcher("id", env -> ((ContactView) env.getSource()).contactId()));
        wiring.type("Mutation", t -> t.dataFetcher("setContactAddress", env -> contacts.setAddress(actor(env), id(env, "schoolId"), id(env, "pupilId"),
                id(env, "contactId"), new AddressCommand(env.getArgument("line1"), env.getArgument("line2"), env.getArgument("line3"), env.getArgument("town"),
                env.getArgument("postcode")))));
    }

    @Override
    public void registerLoaders(DataLoaderRegistry registry, Actor actor) {
        registry.register(CONTACTS_BY_PUPIL, DataLoaderFactory.<Long, List<ContactView>>newMappedDataLoader(
                pupilIds -> CompletableFuture.completedFuture(contacts.contactsOfPupils(actor, pupilIds))));
    }
}
