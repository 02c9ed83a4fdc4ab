package uk.openattendance.letters.persistence;

/** Whose wording a letter template is: a school's own, or its trust's default for every school in it. Stored by name. */
public enum LetterTemplateOwner {
    SCHOOL,
    TRUST
}
