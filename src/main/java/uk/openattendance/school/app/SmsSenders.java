package uk.openattendance.school.app;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.school.persistence.SmsSenderStore;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;

/**
 * Each school's (or trust's shared) SMS sender: an E.164 number or a Twilio Messaging Service SID. Texts go from it, and
 * a text sent to it is for that school or trust, which is why one sender belongs to one school or one trust.
 */
@Singleton
public class SmsSenders {
    private static final Pattern SENDER = Pattern.compile("\\+[1-9][0-9]{7,14}|MG[0-9a-fA-F]{32}");

    @Schema(example = "{\"smsSender\": \"+447700900950\"}")
    public record SenderView(String smsSender) {}

    /** Who a text sent to this sender is for, and the schools whose contacts may have sent it (null: any school). */
    public record Addressee(Long schoolId, Long trustId, java.util.Set<Long> schools) {
        public static final Addressee SERVICE = new Addressee(null, null, null);
    }

    private final SmsSenderStore store;

    SmsSenders(SmsSenderStore store) {
        this.store = store;
    }

    public SenderView school(Actor actor, long schoolId) {
        actor.require(Permission.SCHOOL_READ, schoolId, "School", schoolId);
        return new SenderView(store.ofSchool(schoolId).orElse(null));
    }

    @Transactional
    public SenderView setForSchool(Actor actor, long schoolId, String sender) {
        actor.require(Permission.SCHOOL_ADMIN, schoolId, "School", schoolId);
        String s = checked(sender);
        if (s != null && store.ownerOf(s).filter(o -> o.trustId() != null).isPresent()) {
            throw taken();
        }
        if (!saved(() -> store.setForSchool(schoolId, s))) {
            throw CommonProblem.notFound("School", schoolId);
        }
        return new SenderView(s);
    }

    public SenderView trust(Actor actor, long trustId) {
        requireTrust(actor, trustId);
        return new SenderView(store.ofTrust(trustId).orElse(null));
    }

    @Transactional
    public SenderView setForTrust(Actor actor, long trustId, String sender) {
        requireTrust(actor, trustId);
        String s = checked(sender);
        if (s != null && store.ownerOf(s).filter(o -> o.schoolId() != null).isPresent()) {
            throw taken();
        }
        if (!saved(() -> store.setForTrust(trustId, s))) {
            throw CommonProblem.notFound("Trust", trustId);
        }
        return new SenderView(s);
    }

    /** The sender a school's texts go from, when it has its own: a setting, not a pupil's data, read by the sink. */
    public Optional<String> senderOf(long schoolId) {
        return store.ofSchool(schoolId);
    }

    /** Which school or trust a text's To names: ids only, read before any scope exists. */
    public Optional<Addressee> addressedTo(String to) {
        if (to == null || to.isBlank()) {
            return Optional.empty();
        }
        return store.ownerOf(to.strip()).map(o -> new Addressee(o.schoolId(), o.trustId(),
                o.schoolId() != null ? java.util.Set.of(o.schoolId()) : store.schoolsOfTrust(o.trustId())));
    }

    private static void requireTrust(Actor actor, long trustId) {
        if (!actor.isSystem() && !actor.platformAdmin() && !actor.administersTrust(trustId)) {
            throw CommonProblem.notFound("Trust", trustId);
        }
    }

    private static String checked(String sender) {
        if (sender == null || sender.isBlank()) {
            return null;
        }
        String s = sender.strip();
        if (!SENDER.matcher(s).matches()) {
            throw DomainProblem.field(CommonProblem.VALIDATION_FAILED, "smsSender",
                    "an E.164 number such as +447700900123, or a Twilio Messaging Service SID (MG and 32 hex digits)");
        }
        return s;
    }

    private static boolean saved(java.util.function.BooleanSupplier write) {
        try {
            return write.getAsBoolean();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLIntegrityConstraintViolationException) {
                    throw taken();
                }
            }
            throw e;
        }
    }

    private static DomainProblem taken() {
        return DomainProblem.field(CommonProblem.CONFLICT, "smsSender", "a number or messaging service no other school or trust sends from");
    }
}
