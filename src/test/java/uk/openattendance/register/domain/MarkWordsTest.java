package uk.openattendance.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parents read marks as words; every code the catalogue holds must have some, and they must agree with how it counts. */
class MarkWordsTest {

    @Test
    void everyCodeInTheCatalogueHasWordsForParents() {
        List<String> withoutWords = CodeCatalogue.all().stream().map(AttendanceCode::code).filter(c -> MarkWords.of(c).isEmpty()).distinct().toList();
        assertThat(withoutWords).as("codes in CodeCatalogue with no parent's words in MarkWords").isEmpty();
    }

    @Test
    void noCodeIsShownToAParentAsItsOwnLetters() {
        for (AttendanceCode c : CodeCatalogue.all()) {
            assertThat(MarkWords.forParent(c.code())).as(c.code()).isNotEqualTo(c.code()).hasSizeGreaterThan(10);
        }
        assertThat(MarkWords.forParent("?")).isEqualTo("A mark the school office can explain");
    }

    @Test
    void wordsForAMarkThatCountsAsAttendanceNeverSayAbsent() {
        CodeCatalogue.all().stream().filter(AttendanceCode::attendance)
                .forEach(c -> assertThat(MarkWords.forParent(c.code())).as(c.code()).doesNotContain("Absent").doesNotContain("unauthorised"));
    }

    @Test
    void wordsForAnAbsenceSayWhetherTheSchoolAuthorisedIt() {
        CodeCatalogue.all().stream().filter(c -> c.isAuthorisedAbsence() && !c.code().equals("C2"))
                .forEach(c -> assertThat(MarkWords.forParent(c.code())).as(c.code()).startsWith("Absent").contains("(authorised)"));
        CodeCatalogue.all().stream().filter(c -> c.isUnauthorisedAbsence() && !c.code().equals("N"))
                .forEach(c -> assertThat(MarkWords.forParent(c.code())).as(c.code()).contains("unauthorised"));
        assertThat(MarkWords.forParent("N")).contains("does not have a reason yet");
    }

    @Test
    void theCommonMarksReadAsAParentWouldSayThem() {
        assertThat(MarkWords.forParent("/")).isEqualTo("Present (morning)");
        assertThat(MarkWords.forParent("\\")).isEqualTo("Present (afternoon)");
        assertThat(MarkWords.forParent("I")).isEqualTo("Absent: illness (authorised)");
        assertThat(MarkWords.forParent("L")).startsWith("Late").contains("before the register closed");
    }
}
