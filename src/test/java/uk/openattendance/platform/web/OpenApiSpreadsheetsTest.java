package uk.openattendance.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.openattendance.platform.export.Spreadsheets;
import org.yaml.snakeyaml.Yaml;

/**
 * An exportable list answers JSON, CSV or XLSX by Accept. The OpenAPI file must say what the spreadsheets are (text, and
 * a file) rather than repeat the JSON list's schema for them, which would have a generated client try to parse a CSV as
 * JSON; the JSON answer keeps its own schema.
 */
class OpenApiSpreadsheetsTest {
    @Test
    void everySpreadsheetAnswerIsDeclaredAsTextOrAFileAndItsJsonTwinKeepsItsSchema() throws IOException {
        Map<String, Object> doc = new Yaml().load(Files.readString(Path.of("openapi/attendance.yaml")));
        List<String> wrong = new ArrayList<>();
        int exportable = 0;
        for (Map.Entry<String, Object> path : map(doc.get("paths")).entrySet()) {
            for (Map.Entry<String, Object> method : map(path.getValue()).entrySet()) {
                Map<String, Object> operation = map(method.getValue());
                for (Map.Entry<String, Object> response : map(operation.get("responses")).entrySet()) {
                    Map<String, Object> content = map(map(response.getValue()).get("content"));
                    if (!content.containsKey(Spreadsheets.CSV) && !content.containsKey(Spreadsheets.XLSX)) {
                        continue;
                    }
                    exportable++;
                    String where = operation.get("operationId") + " " + response.getKey();
                    Map<String, Object> csv = map(map(content.get(Spreadsheets.CSV)).get("schema"));
                    Map<String, Object> xlsx = map(map(content.get(Spreadsheets.XLSX)).get("schema"));
                    if (!"string".equals(csv.get("type")) || csv.containsKey("format") || csv.containsKey("$ref")) {
                        wrong.add(where + ": text/csv should be type: string, not " + csv);
                    }
                    if (!"string".equals(xlsx.get("type")) || !"binary".equals(xlsx.get("format"))) {
                        wrong.add(where + ": XLSX should be type: string, format: binary, not " + xlsx);
                    }
                    if (csv.get("description") == null || xlsx.get("description") == null) {
                        wrong.add(where + ": say what the spreadsheet holds (a description on each)");
                    }
                    if (map(map(content.get("application/json")).get("schema")).isEmpty()) {
                        wrong.add(where + ": the JSON answer lost its schema");
                    }
                }
            }
        }
        System.out.printf("[figure] operations with spreadsheet answers: %d%n", exportable);
        assertThat(exportable).as("the exportable lists (operations producing CSV and XLSX)").isGreaterThanOrEqualTo(12);
        assertThat(wrong).as("spreadsheet answers declared with the JSON schema (add @ApiResponse content per media type, "
                + "as the exportable lists do)").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
