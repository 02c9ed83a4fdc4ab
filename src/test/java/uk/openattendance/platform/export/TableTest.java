package uk.openattendance.platform.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TableTest {
    private final ObjectMapper mapper = new ObjectMapper();

    /** JSON written with single quotes for readability. */
    private Table table(String json) throws Exception {
        return Table.of(mapper.readTree(json.replace('\'', '"')));
    }

    @Test
    void nestedFieldsBecomeDottedColumnsInTheOrderTheApiGivesThem() throws Exception {
        Table t = table("[{'label':'Ada','figures':{'possible':10,'attended':9}},{'label':'Bea','figures':{'possible':8,'attended':8}}]");
        assertThat(t.columns()).containsExactly("label", "figures.possible", "figures.attended");
        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(1).get(1).number()).isEqualTo(8.0);
    }

    @Test
    void aPageExportsItsItemsAndADaySummaryItsPupils() throws Exception {
        assertThat(table("{'items':[{'id':1},{'id':2}],'page':0,'totalItems':2}").rows()).hasSize(2);
        Table day = table("{'date':'2026-11-03','onRoll':2,'pupils':[{'name':'Ada','onSite':true},{'name':'Bea','onSite':false}]}");
        assertThat(day.columns()).containsExactly("name", "onSite");
        assertThat(day.rows()).hasSize(2);
    }

    @Test
    void listsOfWordsAreJoinedAndListsOfRecordsCounted() throws Exception {
        Table t = table("[{'codes':['I','M'],'contacts':[{'name':'x'},{'name':'y'}]}]");
        assertThat(t.rows().get(0).get(0).text()).isEqualTo("I; M");
        assertThat(t.rows().get(0).get(1).text()).isEqualTo("2");
    }

    @Test
    void aCellThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() throws Exception {
        Table t = Table.of(mapper.readTree("[{\"reply\":\"=HYPERLINK(1)\",\"name\":\"@SUM(A1)\",\"minus\":\"-1+2\",\"change\":-3}]"));
        String csv = Csv.write(t);
        assertThat(csv).contains("'=HYPERLINK(1)").contains("'@SUM(A1)").contains("'-1+2").endsWith(",-3\r\n");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedAsRfc4180Says() throws Exception {
        Table t = Table.of(mapper.readTree("[{\"note\":\"ill, \\\"really\\\"\\nbadly\"}]"));
        assertThat(Csv.write(t)).startsWith("\uFEFFnote\r\n").contains("\"ill, \"\"really\"\"\nbadly\"");
    }
}
