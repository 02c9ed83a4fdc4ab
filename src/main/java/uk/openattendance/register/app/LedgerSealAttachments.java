package uk.openattendance.register.app;

import jakarta.inject.Singleton;
import java.util.Optional;
import uk.openattendance.notify.app.Attachments;

/** A seal's JSON document, attached when its email is sent, so the outbox keeps only "ledger-seal:{id}". */
@Singleton
class LedgerSealAttachments implements Attachments {
    private final LedgerSeals seals;

    LedgerSealAttachments(LedgerSeals seals) {
        this.seals = seals;
    }

    @Override
    public Optional<Attachment> attachment(String ref) {
        if (ref == null || !ref.startsWith("ledger-seal:")) {
            return Optional.empty();
        }
        long id = Long.parseLong(ref.substring("ledger-seal:".length()));
        return seals.documentForSending(id).map(doc -> new Attachment("ledger-seal-" + id + ".json", "application/json", doc));
    }
}
