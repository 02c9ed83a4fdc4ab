package uk.openattendance.letters.app;

import jakarta.inject.Singleton;
import java.util.Optional;
import uk.openattendance.notify.app.Attachments;

/** A letter's PDF, rendered when its email is sent, so the outbox keeps only "letter:{id}" (or "letter:{id}:{language}"). */
@Singleton
class LetterAttachments implements Attachments {
    private final LetterService letters;

    LetterAttachments(LetterService letters) {
        this.letters = letters;
    }

    @Override
    public Optional<Attachment> attachment(String ref) {
        if (ref == null || !ref.startsWith("letter:")) {
            return Optional.empty();
        }
        // "letter:{id}" as approved, or "letter:{id}:{language}" as sent in a contact's language
        String[] parts = ref.substring("letter:".length()).split(":", 2);
        long id = Long.parseLong(parts[0]);
        return letters.pdfForSending(id, parts.length > 1 ? parts[1] : null).map(pdf -> new Attachment("letter-" + id + ".pdf", "application/pdf", pdf));
    }
}
