package uk.openattendance;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;

@OpenAPIDefinition(
        info = @Info(title = "Open Attendance API", version = "1",
                description = "Open Attendance: registers, absence, leave and letters for schools in England. Errors are RFC 9457 "
                        + "application/problem+json with a code and the fields that were wrong. Creating POSTs accept an Idempotency-Key.",
                license = @License(name = "AGPL-3.0-or-later", url = "https://www.gnu.org/licenses/agpl-3.0.html")),
        // the generated spec is served by each deployment; clients replace this with the address their school's service is at
        servers = @Server(url = "http://localhost:8080", description = "A local run (the PORT variable, 8080 unless set); a deployment is at its own address"),
        security = {@SecurityRequirement(name = "bearerAuth"), @SecurityRequirement(name = "apiKey")})
@SecurityScheme(name = "bearerAuth", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, paramName = "X-Api-Key")
public class Application {
    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
