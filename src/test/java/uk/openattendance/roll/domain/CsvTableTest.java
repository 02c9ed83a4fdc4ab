package uk.openattendance.roll.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void quotedCommasAndLineBreaksStayInsideTheirCellAndLineNumbersFollowTheFile() {
        CsvTable table = CsvTable.parse("upn,name,note\r\nA1,\"Fenwick, Amara\",\"two\nlines\"\nA2,Bruno,\"said \"\"hi\"\"\"\n");
        List<CsvTable.Row> rows = table.rows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).text("name")).isEqualTo("Fenwick, Amara");
        assertThat(rows.get(0).text("note")).isEqualTo("two\nlines");
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(1).line()).isEqualTo(4);
        assertThat(rows.get(1).text("note")).isEqualTo("said \"hi\"");
    }

    @Test
    void aBadCellIsReportedWithItsLineColumnAndWhatWasExpected() {
        CsvTable.Row row = CsvTable.parse("date_of_birth,vulnerable\n14/03/2017,maybe\n").rows().get(0);
        assertThat(row.date("date_of_birth")).isNull();
        row.flag("vulnerable");
        assertThat(row.errors()).extracting(e -> e.field() + " -> " + e.expected())
                .containsExactly("line 2: date_of_birth -> a date as YYYY-MM-DD, not '14/03/2017'", "line 2: vulnerable -> Y or N, not 'maybe'");
    }

    @Test
    void headersAreMatchedWhateverTheirCaseAndMissingColumnsAreNamed() {
        CsvTable table = CsvTable.parse("UPN, Legal_Forename\nA1,Ira\n");
        assertThat(table.missingColumns(List.of("upn", "legal_forename", "start_date"))).containsExactly("start_date");
        assertThat(table.rows().get(0).text("legal_forename")).isEqualTo("Ira");
    }

    @Test
    void isoDatesRead() {
        assertThat(CsvTable.parse("d\n2026-09-02\n").rows().get(0).date("d")).isEqualTo(LocalDate.of(2026, 9, 2));
    }
}
