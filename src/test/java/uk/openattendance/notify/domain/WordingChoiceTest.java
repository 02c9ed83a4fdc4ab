package uk.openattendance.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class WordingChoiceTest {
    static final Map<String, String> VALUES = Map.of("children", "Amelia and Ben", "school", "Example Primary", "schoolPhone", "01632 960000",
            "date", "Mon 23 Nov", "contactName", "Sam Testparent", "code", "481 326", "percent", "98.5", "points", "4", "minutesLate", "12");

    @Test
    void aPolishContactGetsTheShippedPolishWordingWithTheNamesJoinedInPolish() {
        WordingChoice.Chosen c = WordingChoice.choose(MessagePurpose.FIRST_DAY_ABSENCE, "pl", Map.of());
        assertThat(c.language()).isEqualTo("pl");
        assertThat(c.source()).isEqualTo(WordingChoice.Source.SHIPPED);
        assertThat(c.render(VALUES).body()).startsWith("Example Primary: Amelia i Ben - nieobecność").contains("01632 960000");
    }

    @Test
    void aRegionalTagFallsBackToItsLanguageAndUnknownOrBlankLanguagesGetEnglish() {
        assertThat(WordingChoice.choose(MessagePurpose.LATENESS, "ur-PK", Map.of()).language()).isEqualTo("ur");
        assertThat(WordingChoice.choose(MessagePurpose.LATENESS, "RO_ro", Map.of()).language()).isEqualTo("ro");
        for (String none : new String[] {"so", "pt-BR", "", null}) {
            WordingChoice.Chosen c = WordingChoice.choose(MessagePurpose.LATENESS, none, Map.of());
            assertThat(c.language()).isEqualTo("en");
            assertThat(c.template()).isEqualTo(MessageTemplate.standard(MessagePurpose.LATENESS));
        }
    }

    @Test
    void theSchoolsOwnWordingInTheContactsLanguageWinsOverOursAndItsEnglishOverOurEnglish() {
        MessageTemplate ownPolish = new MessageTemplate(MessagePurpose.FIRST_DAY_ABSENCE, null, "{{school}}: {{children}} nieobecni. Prosimy o telefon.");
        MessageTemplate ownEnglish = new MessageTemplate(MessagePurpose.FIRST_DAY_ABSENCE, null, "{{children}} is off today: please ring us.");
        Map<String, MessageTemplate> own = Map.of("pl", ownPolish, "en", ownEnglish);
        assertThat(WordingChoice.choose(MessagePurpose.FIRST_DAY_ABSENCE, "pl", own).template()).isEqualTo(ownPolish);
        assertThat(WordingChoice.choose(MessagePurpose.FIRST_DAY_ABSENCE, "so", own).template()).isEqualTo(ownEnglish);
        // a language with no school wording still gets ours in that language before the school's English
        WordingChoice.Chosen welsh = WordingChoice.choose(MessagePurpose.FIRST_DAY_ABSENCE, "cy", own);
        assertThat(welsh.source()).isEqualTo(WordingChoice.Source.SHIPPED);
        assertThat(welsh.render(VALUES).body()).contains("nid yw Amelia a Ben");
    }

    @Test
    void welshJoinsNamesWithAcBeforeAVowel() {
        WordingChoice.Chosen welsh = WordingChoice.choose(MessagePurpose.FIRST_DAY_ABSENCE, "cy", Map.of());
        assertThat(welsh.render(Map.of("children", "Ben and Amelia", "school", "Example Primary")).body()).contains("Ben ac Amelia");
    }

    @Test
    void aPurposeWithNoWordingInTheLanguageGoesInEnglish() {
        // alerts to staff are not shipped in other languages
        WordingChoice.Chosen c = WordingChoice.choose(MessagePurpose.SAFE_BY_ALERT, "pl", Map.of());
        assertThat(c.language()).isEqualTo("en");
        assertThat(c.render(VALUES).body()).contains("not yet known to be safe");
    }

    @Test
    void wordingThatComesOutBlankIsSentInOurEnglishNeverBlank() {
        MessageTemplate onlyAField = new MessageTemplate(MessagePurpose.REPLY_THANKS, null, "{{reply}}");
        WordingChoice.Chosen c = WordingChoice.choose(MessagePurpose.REPLY_THANKS, "pl", Map.of("pl", onlyAField));
        assertThat(c.template()).isEqualTo(onlyAField);
        assertThat(c.render(Map.of("school", "Example Primary")).body()).isEqualTo("Example Primary: thank you, we have recorded that.");
    }

    @Test
    void aSchoolsBrokenWordingIsPassedOverRatherThanSent() {
        MessageTemplate broken = new MessageTemplate(MessagePurpose.LATENESS, null, "Dear {{parnet}}");
        assertThat(WordingChoice.choose(MessagePurpose.LATENESS, "pl", Map.of("pl", broken)).source()).isEqualTo(WordingChoice.Source.SHIPPED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pl", "ur", "ro", "cy"})
    void everyFamilyMessageIsShippedInEachLanguageMarkedMachineMadeWithTheSamePlaceholdersAsEnglish(String language) {
        assertThat(ShippedWording.machineMade(language)).isTrue();
        for (MessagePurpose p : MessagePurpose.values()) {
            if (!p.toFamilies()) {
                continue;
            }
            MessageTemplate shipped = ShippedWording.of(p, language).orElseThrow(() -> new AssertionError(p + " missing in " + language));
            assertThat(shipped.problems()).as(p + " in " + language).isEmpty();
            assertThat(fields(shipped.body())).as(p + " in " + language + " must keep the fields a parent needs")
                    .containsAll(fields(MessageTemplate.standard(p).body()).stream().filter(f -> !f.equals("session") && !f.equals("window")).toList());
            assertThat(WordingChoice.choose(p, language, Map.of()).render(VALUES).body()).doesNotContain("{{").isNotBlank();
        }
    }

    @ParameterizedTest
    @EnumSource(MessagePurpose.class)
    void englishIsNeverMachineMade(MessagePurpose p) {
        assertThat(ShippedWording.of(p, "en")).contains(MessageTemplate.standard(p));
        assertThat(ShippedWording.machineMade("en")).isFalse();
    }

    @Test
    void aSecretCodeStaysInTheTextInEveryLanguage() {
        for (String l : ShippedWording.LANGUAGES) {
            assertThat(WordingChoice.choose(MessagePurpose.ONE_TIME_CODE, l, Map.of()).render(VALUES).body()).as(l).contains("481 326");
        }
    }

    private static java.util.Set<String> fields(String text) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\{\\s*([a-zA-Z]+)\\s*}}").matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void aValueWordedInTheMessagesLanguageStandsInForItsEnglish() {
        Map<String, String> values = Map.of("school", "Example Primary", "reference", "A7", "reply", "Your absence report: received.",
                "reply@pl", "Twoje zgłoszenie: otrzymane.", "reply@ur", "آپ کی اطلاع: موصول۔");
        assertThat(WordingChoice.choose(MessagePurpose.STATUS_UPDATE, "pl", Map.of()).render(values).body()).isEqualTo("Example Primary: Twoje zgłoszenie: otrzymane.");
        assertThat(WordingChoice.choose(MessagePurpose.STATUS_UPDATE, "en", Map.of()).render(values).body()).isEqualTo("Example Primary: Your absence report: received.");
        // Welsh wording, but no Welsh value given: the English words, never a blank
        assertThat(WordingChoice.choose(MessagePurpose.STATUS_UPDATE, "cy", Map.of()).render(values).body()).contains("Your absence report: received.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pl", "ur", "ro", "cy"})
    void everyStatusAParentCanBeToldIsPhrasedInEachLanguageWeShip(String language) {
        for (String absence : new String[] {"RECEIVED", "RECORDED", "NEEDS_EVIDENCE"}) {
            assertThat(uk.openattendance.parent.domain.StatusNotice.wordsIn(uk.openattendance.parent.domain.StatusNotice.Kind.ABSENCE, "A7", absence, null,
                    "Zofia Testpupil", k -> ShippedWording.phrase(language, k))).as(language + " " + absence).hasValueSatisfying(w ->
                    assertThat(w).contains("Zofia Testpupil").contains("A7").doesNotContain("{"));
        }
        for (String leave : new String[] {"RECEIVED", "NEEDS_EVIDENCE", "APPROVED", "PART_APPROVED", "REFUSED", "WITHDRAWN"}) {
            assertThat(uk.openattendance.parent.domain.StatusNotice.wordsIn(uk.openattendance.parent.domain.StatusNotice.Kind.LEAVE, "L3", leave,
                    "Term-time holidays are not granted", "Zofia Testpupil", k -> ShippedWording.phrase(language, k))).as(language + " " + leave)
                    .hasValueSatisfying(w -> assertThat(w).contains("L3").contains("Term-time holidays are not granted").doesNotContain("{"));
        }
    }
}
