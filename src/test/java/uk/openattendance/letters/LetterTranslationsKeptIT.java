package uk.openattendance.letters;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.letters.domain.LetterStatus;
import uk.openattendance.letters.persistence.LetterRow;
import uk.openattendance.letters.persistence.LetterStore;
import uk.openattendance.letters.persistence.LetterTranslationKey;
import uk.openattendance.letters.persistence.LetterTranslationRepository;
import uk.openattendance.letters.persistence.LetterTranslationRow;
import uk.openattendance.roll.app.PupilView;

/** A letter kept as sent in one language: the first rendering stands, so a second sending in that language says the same. */
@MicronautTest(transactional = false)
class LetterTranslationsKeptIT {
    @Inject TestWorld world;
    @Inject LetterStore letters;
    @Inject LetterTranslationRepository translations;
    @Inject Clock clock;

    @Test
    void theFirstRenderingInALanguageStandsAndOtherLanguagesAreApart() {
        TestWorld.School school = world.school();
        PupilView pupil = world.pupil(school, "Kasia", "Translatewell");
        String trigger = "TEST:" + TestWorld.next();
        letters.insertAll(List.of(new LetterRow(0, school.id(), pupil.id(), "PUNCTUALITY", trigger, LetterStatus.APPROVED, "Kasia and the bell",
                "<p>Kasia was late.</p>", "{}", LocalDate.of(2026, 11, 23), "tests", clock.instant(), null, null, null, null, null, null, null, null, 0)));
        long id = letters.byTrigger(school.id(), pupil.id(), trigger).orElseThrow().id();

        assertThat(translations.findByKey(new LetterTranslationKey(id, "pl"))).isEmpty();
        translations.keep(new LetterTranslationRow(new LetterTranslationKey(id, "pl"), "Kasia i dzwonek", "<p>Kasia się spóźniła.</p>", clock.instant()));
        translations.keep(new LetterTranslationRow(new LetterTranslationKey(id, "pl"), "Inne słowa", "<p>Inne.</p>", clock.instant()));
        translations.keep(new LetterTranslationRow(new LetterTranslationKey(id, "cy"), "Kasia a'r gloch", "<p>Roedd Kasia yn hwyr.</p>", clock.instant()));

        LetterTranslationRow pl = translations.findByKey(new LetterTranslationKey(id, "pl")).orElseThrow();
        assertThat(pl.subject()).isEqualTo("Kasia i dzwonek");
        assertThat(pl.bodyHtml()).isEqualTo("<p>Kasia się spóźniła.</p>");
        assertThat(translations.findByKey(new LetterTranslationKey(id, "cy")).orElseThrow().subject()).isEqualTo("Kasia a'r gloch");
        assertThat(translations.findByKey(new LetterTranslationKey(id, "ro"))).isEmpty();
    }
}
