package uk.openattendance.letters.persistence;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedProperty;

/** A letter in one language. Columns named, since an embedded key's would otherwise be prefixed with its name. */
@Embeddable
public record LetterTranslationKey(@MappedProperty("letter_id") long letterId, @MappedProperty("language") String language) {}
