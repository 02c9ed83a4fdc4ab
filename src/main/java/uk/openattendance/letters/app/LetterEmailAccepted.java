package uk.openattendance.letters.app;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import uk.openattendance.notify.app.MessageSettled;

/**
 * A letter counts as sent when the SMTP server accepts an email carrying it: only then does {@code letter.sent} go to
 * integrators. A letter emailed to two parents is announced once (the webhook's de-duplication key is the letter).
 */
@Singleton
class LetterEmailAccepted {
    private static final String REF = "letter:";
    private final LetterService letters;

    LetterEmailAccepted(LetterService letters) {
        this.letters = letters;
    }

    @EventListener
    void onMessageSettled(MessageSettled e) {
        if (e.outcome() == MessageSettled.Outcome.SENT && e.attachmentRef() != null && e.attachmentRef().startsWith(REF)) {
            letters.emailAccepted(e.schoolId(), Long.parseLong(e.attachmentRef().substring(REF.length())));
        }
    }
}
