package uk.openattendance.letters.persistence;

import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A letter as sent in a contact's language, kept so every later copy in that language says the same. */
@MappedEntity("letter_translation")
public record LetterTranslationRow(
        @EmbeddedId LetterTranslationKey key,
        String subject,
        String bodyHtml,
        Instant madeAt) {}
