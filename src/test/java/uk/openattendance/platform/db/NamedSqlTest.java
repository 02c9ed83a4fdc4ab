package uk.openattendance.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamedSqlTest {
    @Test
    void namesBecomePlaceholdersWithTheirValuesInOrder() {
        NamedSql.Bound b = NamedSql.bind("SELECT id FROM mark WHERE school_id = :school AND mark_date = :date", Map.of("school", 7L, "date", "2026-09-01"));
        assertThat(b.sql()).isEqualTo("SELECT id FROM mark WHERE school_id = ? AND mark_date = ?");
        assertThat(b.values()).containsExactly(7L, "2026-09-01");
    }

    @Test
    void aNameUsedTwiceIsBoundTwice() {
        NamedSql.Bound b = NamedSql.bind("SELECT 1 FROM t WHERE a = :school OR b = :school", Map.of("school", 3L));
        assertThat(b.sql()).isEqualTo("SELECT 1 FROM t WHERE a = ? OR b = ?");
        assertThat(b.values()).containsExactly(3L, 3L);
    }

    @Test
    void aListExpandsToOnePlaceholderPerElement() {
        NamedSql.Bound b = NamedSql.bind("SELECT 1 FROM t WHERE id IN (:ids) AND s = :s", Map.of("ids", List.of(1L, 2L, 3L), "s", "AM"));
        assertThat(b.sql()).isEqualTo("SELECT 1 FROM t WHERE id IN (?, ?, ?) AND s = ?");
        assertThat(b.values()).containsExactly(1L, 2L, 3L, "AM");
    }

    @Test
    void anEmptyListMatchesNothingRatherThanBreakingTheSql() {
        NamedSql.Bound b = NamedSql.bind("SELECT 1 FROM t WHERE id IN (:ids)", Map.of("ids", List.of()));
        assertThat(b.sql()).isEqualTo("SELECT 1 FROM t WHERE id IN (NULL)");
        assertThat(b.values()).isEmpty();
    }

    @Test
    void colonsInsideQuotedTextAreNotParameters() {
        NamedSql.Bound b = NamedSql.bind("SELECT ':not', \"x:y\", `a:b`, 'it''s :still text', 'back\\' :slash' FROM t WHERE a = :a",
                Map.of("a", 1));
        assertThat(b.sql()).isEqualTo("SELECT ':not', \"x:y\", `a:b`, 'it''s :still text', 'back\\' :slash' FROM t WHERE a = ?");
        assertThat(b.values()).containsExactly(1);
    }

    @Test
    void doubleColonCastsAndAssignmentsAreLeftAlone() {
        NamedSql.Parsed p = NamedSql.parse("SELECT x::text, @n := :start + 1 FROM t");
        assertThat(String.join("?", p.pieces())).isEqualTo("SELECT x::text, @n := ? + 1 FROM t");
        assertThat(p.names()).containsExactly("start");
    }

    @Test
    void colonsInCommentsAreNotParameters() {
        NamedSql.Parsed p = NamedSql.parse("SELECT 1 -- at :noon\nFROM t /* :not */ WHERE a = :a # :tail");
        assertThat(p.names()).containsExactly("a");
    }

    @Test
    void timeLiteralsAreNotParameters() {
        NamedSql.Parsed p = NamedSql.parse("SELECT '08:30:00' FROM t WHERE at > TIME('09:00') AND d = :d_1");
        assertThat(p.names()).containsExactly("d_1");
    }

    @Test
    void aNullValueIsBoundAsNull() {
        Map<String, Object> params = new HashMap<>();
        params.put("by", null);
        NamedSql.Bound b = NamedSql.bind("UPDATE t SET by_whom = :by", params);
        assertThat(b.values()).containsExactly((Object) null);
    }

    @Test
    void aMissingValueIsAnErrorNamingTheParameter() {
        assertThatThrownBy(() -> NamedSql.bind("SELECT 1 FROM t WHERE a = :school", Map.of())).hasMessageContaining(":school");
    }

    @Test
    void positionalPlaceholdersPassThroughUnchanged() {
        NamedSql.Bound b = NamedSql.bind("SELECT 1 FROM t WHERE a = ?", Map.of());
        assertThat(b.sql()).isEqualTo("SELECT 1 FROM t WHERE a = ?");
    }
}
