package uk.openattendance.letters.app;

import jakarta.inject.Singleton;
import java.util.Optional;
import uk.openattendance.notify.app.Attachments;

/** A letter's PDF, rendered when its email is sent, so the outbox keeps only "letter:{id}". */
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
        long id = Long.parseLong(ref.substring("letter:".length()));
        return letters.pdfForSending(id).map(pdf -> new Attachment("letter-" + id + ".pdf", "application/pdf", pdf));
    }
}
