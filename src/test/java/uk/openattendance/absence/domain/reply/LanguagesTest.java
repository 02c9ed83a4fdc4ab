package uk.openattendance.absence.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguagesTest {
    @Test
    void aReplyInAnotherLanguageIsRecognisedByItsSmallWords() {
        assertThat(Languages.detect(Normaliser.light("Dzień dobry, Zofia jest chora, ma gorączkę i kaszel."))).map(Languages.Language::name).contains("Polish");
        assertThat(Languages.detect(Normaliser.light("Mae Gethin ac Elin yn sâl, byddan nhw nôl dydd Mercher."))).map(Languages.Language::name).contains("Welsh");
    }

    @Test
    void aGreetingInAnotherLanguageAroundEnglishIsStillEnglish() {
        assertThat(Languages.detect(Normaliser.light("Cześć! Sorry, Kuba has an ear infection so he's at home today"))).isEmpty();
    }

    @Test
    void theTinyLexiconRendersIllnessAndTimeWordsInEnglish() {
        Languages.Language romanian = Languages.detect(Normaliser.light("Andrei este bolnav, are febră și tuse. Rămâne acasă azi și mâine.")).orElseThrow();
        assertThat(Languages.translate(Normaliser.light("Andrei este bolnav, are febră și tuse. Rămâne acasă azi și mâine."), romanian))
                .contains("is ill").contains("fever").contains("today and tomorrow");
    }

    @Test
    void aScriptTheReaderCannotReadIsRecognised() {
        assertThat(Languages.unreadableScript("\u0622\u062C \u0628\u06CC\u0645\u0627\u0631 \u06C1\u06D2")).isTrue();
        assertThat(Languages.unreadableScript("Amelia is ill")).isFalse();
    }
}
