package uk.openattendance.roll.web;

import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Content;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import uk.openattendance.platform.paging.Page;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.roll.app.ImportReport;
import uk.openattendance.roll.app.RollImportService;
import uk.openattendance.roll.domain.DeletionGround;
import uk.openattendance.security.ActorResolver;

@ProblemResponses
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Roll")
public class RollImportController {
    private final RollImportService imports;
    private final ActorResolver actors;

    public RollImportController(RollImportService imports, ActorResolver actors) {
        this.imports = imports;
        this.actors = actors;
    }

    @Schema(example = "{\"ground\": \"REGISTERED_AT_ANOTHER_SCHOOL\", \"meaning\": \"Registered at another school and no longer attending here\"}")
    public record DeletionGroundView(DeletionGround ground, String meaning) {}

    @Post("/schools/{schoolId}/imports/pupils")
    @Consumes("text/csv")
    @RequestBody(description = "pupils.csv: a header row, then one row per pupil", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"),
            examples = @ExampleObject(name = "pupils", value = "upn,legal_forename,legal_surname,preferred_forename,date_of_birth,sex,year_group,register_group,form,start_date,pupil_premium,free_school_meals\nA123456789012,Nia,Fenwright,,2019-03-14,F,2,Year 2,2B,2023-09-04,true,true\nB234567890123,Kit,Ashby,,2019-07-02,M,2,Year 2,2B,2023-09-04,false,false\n")))
    @Operation(summary = "Import pupils.csv (header row; matched by UPN). All or nothing: a bad row rejects the file with line numbers")
    public ImportReport importPupils(Authentication auth, @PathVariable long schoolId, @Body String csv) {
        return imports.importPupils(actors.resolve(auth.getName()), schoolId, csv);
    }

    @Post("/schools/{schoolId}/imports/contacts")
    @Consumes("text/csv")
    @RequestBody(description = "contacts.csv: a header row, then one row per pupil and contact", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"),
            examples = @ExampleObject(name = "contacts", value = "upn,name,relationship,priority,parental_responsibility,lives_with_pupil,mobile,email,address_line1,town,postcode\nA123456789012,Rhys Fenwright,Father,1,true,true,07700 900123,rhys.fenwright@example.org,8 Example Parade,Bridport,DT6 3AA\nA123456789012,Seren Fenwright,Mother,2,true,true,07700 900124,seren.fenwright@example.org,8 Example Parade,Bridport,DT6 3AA\n")))
    @Operation(summary = "Import contacts.csv, one row per pupil and contact. All or nothing")
    public ImportReport importContacts(Authentication auth, @PathVariable long schoolId, @Body String csv) {
        return imports.importContacts(actors.resolve(auth.getName()), schoolId, csv);
    }

    @Get("/deletion-grounds")
    @Operation(summary = "The grounds on which a pupil may be deleted from the admission register (regulation 9)")
    public Page<DeletionGroundView> listDeletionGrounds(@QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Page.slice(Arrays.stream(DeletionGround.values()).map(g -> new DeletionGroundView(g, g.meaning())).toList(), new PageRequest(page, size));
    }
}
