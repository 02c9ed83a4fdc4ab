package uk.openattendance.notify.app;

import java.util.Optional;

/**
 * Files an email carries, made when the email is sent rather than stored in the outbox: a letter's PDF is rendered
 * from the approved letter by the feature that owns it. {@code ref} is "kind:id", e.g. "letter:42".
 */
public interface Attachments {
    record Attachment(String fileName, String contentType, byte[] content) {}

    /** The file for this reference, when this source owns the reference's kind. */
    Optional<Attachment> attachment(String ref);
}
