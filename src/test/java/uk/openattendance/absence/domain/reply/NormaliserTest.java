package uk.openattendance.absence.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormaliserTest {
    @Test
    void textSpeakSmartQuotesAndPunctuationRunsBecomePlainWords() {
        assertThat(Normaliser.normalise("HES got a temp!!! wont b in 2day, dr appt tmrw")).isEqualTo("he is got a temperature! will not be in today, doctor appointment tomorrow");
        assertThat(Normaliser.normalise("She\u2019s poorly\u2026")).isEqualTo("she is poorly.");
    }

    @Test
    void sickEmojiCarryMeaningAndOtherEmojiAreDropped() {
        assertThat(Normaliser.normalise("\uD83E\uDD12\uD83E\uDD22")).isEqualTo("poorly sick");
        assertThat(Normaliser.normalise("on our way \uD83D\uDE48\uD83D\uDE97")).isEqualTo("on our way");
    }

    @Test
    void greetingsAndSignOffsInEnglishOrAnotherLanguageAreStripped() {
        assertThat(Normaliser.normalise("Morning miss, Amelia is ill. Thanks, Mum x")).isEqualTo("amelia is ill");
        assertThat(Normaliser.normalise("Cze\u015B\u0107! Kuba has a cold")).isEqualTo("kuba has a cold");
        assertThat(Normaliser.normalise("Assalam o alaikum, Zain is sick")).isEqualTo("zain is sick");
    }

    @Test
    void aForwardedMessageKeepsOnlyWhatTheParentWrote() {
        assertThat(Normaliser.normalise("Fwd: ---------- Forwarded message ---------- From: Dad. Ellis is sick. Sent from my iPhone")).isEqualTo("ellis is sick.");
    }
}
