package uk.openattendance.letters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A school's or trust's wording of one kind of letter in one language ({@code ownerId} a school's or a trust's id). */
@MappedEntity("letter_template")
public record LetterTemplateRow(
        @Id @GeneratedValue @Nullable Long id,
        LetterTemplateOwner ownerType,
        long ownerId,
        String kind,
        String language,
        String subject,
        String body,
        String updatedBy,
        Instant updatedAt) {}
