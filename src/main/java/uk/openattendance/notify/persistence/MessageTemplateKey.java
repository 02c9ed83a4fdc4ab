package uk.openattendance.notify.persistence;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedProperty;

/**
 * One message's wording at one school in one language: the key of a school's wording and of its review of ours. The
 * columns are named, since an embedded key's columns would otherwise be prefixed with its name ({@code key_school_id}).
 */
@Embeddable
public record MessageTemplateKey(@MappedProperty("school_id") long schoolId, @MappedProperty("purpose") String purpose,
        @MappedProperty("language") String language) {}
