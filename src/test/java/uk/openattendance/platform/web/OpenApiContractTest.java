package uk.openattendance.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed openapi/attendance.yaml is the contract integrators read. The build generates the document from the
 * controllers; if the two differ, the code changed the contract without the file (run ./infra/refresh-openapi.sh and review the diff).
 */
class OpenApiContractTest {

    @Test
    void theCommittedOpenApiDocumentMatchesTheControllers() throws IOException {
        List<Path> generated;
        try (Stream<Path> files = Files.list(Path.of("target/classes/META-INF/swagger"))) {
            generated = files.filter(p -> p.toString().endsWith(".yml")).toList();
        }
        assertThat(generated).as("documents generated at compile time").hasSize(1);
        String fromCode = Files.readString(generated.get(0));
        String committed = Files.readString(Path.of("openapi/attendance.yaml"));
        assertThat(committed)
                .as("openapi/attendance.yaml is out of date with the controllers: run ./infra/refresh-openapi.sh and commit the diff")
                .isEqualTo(fromCode);
    }

    @Test
    void everyOperationHasAnIdAndTheErrorsAreDocumented() throws IOException {
        String committed = Files.readString(Path.of("openapi/attendance.yaml"));
        assertThat(committed).contains("operationId: admitPupil").contains("application/problem+json").contains("Idempotency-Key");
    }
}
