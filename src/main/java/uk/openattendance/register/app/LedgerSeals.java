package uk.openattendance.register.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.register.domain.LedgerSeal;
import uk.openattendance.register.persistence.ChainHead;
import uk.openattendance.register.persistence.LedgerSealStore;
import uk.openattendance.register.persistence.ChainStore;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/**
 * Each school's daily seal of its history chains: made once per school and date, kept, offered for download and
 * emailed to the designated lead, so that a copy exists where someone who can write to the database cannot reach.
 */
@Singleton
public class LedgerSeals {
    private final ChainStore chain;
    private final LedgerSealStore seals;
    private final LedgerKeys keys;
    private final SchoolDay schoolDay;
    private final SchoolService schools;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    LedgerSeals(ChainStore chain, LedgerSealStore seals, LedgerKeys keys, SchoolDay schoolDay, SchoolService schools, Outbox outbox, ObjectMapper json,
            Clock clock) {
        this.chain = chain;
        this.seals = seals;
        this.keys = keys;
        this.schoolDay = schoolDay;
        this.schools = schools;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    @Schema(example = "{\"date\": \"2026-11-22\", \"asOf\": \"2026-11-22T23:30:00Z\", \"chainCount\": 212, \"totalEntries\": 23870, \"signingKeyId\": \"seal-2026-1\", \"emailedTo\": \"head@example.org\", \"download\": \"/api/v1/schools/3/ledger-seals/2026-11-22\"}")
    public record SealView(LocalDate date, Instant asOf, int chainCount, long totalEntries, String signingKeyId, String emailedTo, String download) {}

    @Schema(example = "{\"algorithm\": \"Ed25519\", \"keyId\": \"seal-2026-1\", \"publicKey\": \"MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\", \"format\": \"X.509\"}")
    public record PublicKeyView(String algorithm, String keyId, String publicKey, String format) {}

    /** The key anyone may use to check a seal's signature (X.509 SubjectPublicKeyInfo, base64). */
    public PublicKeyView publicKey() {
        return new PublicKeyView(LedgerSeal.ALGORITHM, keys.sealKeyId(), Base64.getEncoder().encodeToString(keys.sealPublicKey().getEncoded()), "X.509");
    }

    /**
     * Seals the school's chains as they are now, for {@code date}, unless it has a seal for that date already, and
     * emails it to the designated lead when the school names one. Returns what it did, in words staff read.
     */
    @Transactional
    public String sealAndSend(SchoolScope scope, LocalDate date) {
        long schoolId = scope.schoolId();
        if (seals.of(schoolId, date).isPresent()) {
            return "Already sealed for " + date;
        }
        Instant asOf = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<ChainHead> last = chain.lastEntriesOfSchool(schoolId);
        LedgerSeal.Seal seal = LedgerSeal.sign(schoolId, date.toString(), asOf.toString(), keys.keyring().currentKeyId(),
                last.stream().map(h -> new LedgerSeal.Chain(h.pupilId(), h.seq(), h.hash())).toList(), keys.sealKeyId(), keys.sealPrivateKey());
        String document = write(LedgerSealDocument.of(seal));
        String lead = schoolDay.policy(schoolId).messaging().designatedLeadEmail();
        boolean emailing = lead != null && !lead.isBlank();
        if (!seals.insert(schoolId, date, asOf, (int) seal.chainCount(), seal.totalEntries(), keys.sealKeyId(), emailing ? lead : null, document)) {
            return "Already sealed for " + date;
        }
        String what = seal.chainCount() + " chain(s), " + seal.totalEntries() + " entries sealed as of " + asOf;
        if (!emailing) {
            return what + "; no designated lead email in the school's policy, so not emailed";
        }
        long id = seals.of(schoolId, date).orElseThrow().id();
        String school = schools.school(scope).name();
        String body = "The register history seal of " + school + " for " + date + ": " + what + ".\n\n"
                + "Keep this email and its attachment. Later, anyone can check that no register history was deleted or rewritten since: "
                + "send the attached file to POST /api/v1/schools/" + schoolId + "/mark-history/verification. The seal is signed with Ed25519 key "
                + keys.sealKeyId() + " (public key at GET /api/v1/ledger-seal-key).\n\nSHA-256 of the attached seal: " + sha256(document) + "\n";
        outbox.enqueueEmailWithAttachment(scope, "ledger-seal:" + date, 0, lead.trim(), "Register history seal " + date + " - " + school, body, List.of(),
                date, attachmentRef(id));
        return what + "; emailed to the designated lead (" + lead.trim() + ")";
    }

    public List<SealView> list(Actor actor, long schoolId, PageRequest page) {
        actor.require(Permission.SCHOOL_ADMIN, schoolId, "School", schoolId);
        return seals.ofSchool(schoolId, (int) page.offset(), page.size()).stream().map(r -> new SealView(r.date(), r.asOf(), r.chainCount(), r.totalEntries(),
                r.signingKey(), r.emailedTo(), "/api/v1/schools/" + schoolId + "/ledger-seals/" + r.date())).toList();
    }

    /** How many seals the school has, so a page of {@link #list} can say how many pages there are. */
    public long count(Actor actor, long schoolId) {
        actor.require(Permission.SCHOOL_ADMIN, schoolId, "School", schoolId);
        return seals.countOfSchool(schoolId);
    }

    public LedgerSealDocument document(Actor actor, long schoolId, LocalDate date) {
        actor.require(Permission.SCHOOL_ADMIN, schoolId, "School", schoolId);
        return seals.of(schoolId, date).map(r -> read(r.document())).orElseThrow(() -> CommonProblem.notFound("Ledger seal of", date));
    }

    static String attachmentRef(long sealId) {
        return "ledger-seal:" + sealId;
    }

    /** The seal's file for an email being sent now (see {@link LedgerSealAttachments}). */
    Optional<byte[]> documentForSending(long sealId) {
        return seals.byId(sealId).map(r -> r.document().getBytes(StandardCharsets.UTF_8));
    }

    private String write(LedgerSealDocument d) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private LedgerSealDocument read(String document) {
        try {
            return json.readValue(document, LedgerSealDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored seal is not readable", e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
