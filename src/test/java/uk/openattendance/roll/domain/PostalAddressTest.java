package uk.openattendance.roll.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostalAddressTest {
    @Test
    void postcodesWrittenAnyCommonWayAreKeptInTheirOneWrittenForm() {
        assertThat(PostalAddress.postcode("sw1a1aa")).hasValue("SW1A 1AA");
        assertThat(PostalAddress.postcode(" DT4  7XY ")).hasValue("DT4 7XY");
        assertThat(PostalAddress.postcode("b338th")).hasValue("B33 8TH");
        assertThat(PostalAddress.postcode("M1 1AE")).hasValue("M1 1AE");
        assertThat(PostalAddress.postcode("W1A 0AX")).hasValue("W1A 0AX");
        assertThat(PostalAddress.postcode("GIR 0AA")).hasValue("GIR 0AA");
    }

    @Test
    void thingsThatAreNotUkPostcodesAreRefused() {
        for (String bad : new String[] {null, "", "12345", "SW1A", "SW1A 1A", "QA1 1AA", "SW1A 1AAA", "1AA SW1", "DT4 7CX", "DT4-7XY"}) {
            assertThat(PostalAddress.postcode(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void theWindowShowsTheLinesGivenThenTheTownInCapitalsThenThePostcode() {
        assertThat(new PostalAddress("12 Example Street", null, " ", "Weymouth", "DT4 7XY").lines())
                .containsExactly("12 Example Street", "WEYMOUTH", "DT4 7XY");
    }

    @Test
    void printRunsAreInPostingOrderWithDistrictsAsNumbersAndNoAddressLast() {
        List<PostalAddress> a = new ArrayList<>(java.util.Arrays.asList(at("B10 1AA"), null, at("B2 9ZZ"), at("AB1 2CD"), at("B2 1AA"), at("EC1A 1BB")));
        a.sort(PostalAddress.POSTING_ORDER);
        assertThat(a.stream().map(x -> x == null ? "none" : x.postcode()).toList())
                .containsExactly("AB1 2CD", "B2 1AA", "B2 9ZZ", "B10 1AA", "EC1A 1BB", "none");
    }

    private static PostalAddress at(String postcode) {
        return new PostalAddress("1 Example Road", null, null, "Exampletown", postcode);
    }
}
