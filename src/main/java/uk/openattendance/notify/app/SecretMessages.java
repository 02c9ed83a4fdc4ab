package uk.openattendance.notify.app;

import java.util.Arrays;
import java.util.List;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;

/**
 * Who may see that a secret-bearing message (a parent's one-time code) was sent. Its text is redacted for everyone,
 * always: the clear code exists only sealed in the outbox until it is sent. Beyond that, only a school's administrators
 * (staff with SCHOOL_ADMIN: headteacher, trust administrator) see such messages at all, redacted, to answer "did the
 * parent get a code?". Teachers, office staff and API keys do not see them: who signed in to the parents' pages and
 * when is not theirs to read, and a redacted row would tell them nothing they need.
 */
public final class SecretMessages {
    /** The purposes whose messages carry a secret. */
    public static final List<String> PURPOSES = Arrays.stream(MessagePurpose.values()).filter(MessagePurpose::secret).map(Enum::name).toList();

    private SecretMessages() {}

    public static boolean visibleTo(Actor actor, long schoolId) {
        return actor.isSystem() || actor.kind() == Actor.Kind.STAFF && actor.can(Permission.SCHOOL_ADMIN, schoolId);
    }

    /** The purposes this caller must not see listed. */
    static List<String> hiddenFrom(Actor actor, long schoolId) {
        return visibleTo(actor, schoolId) ? List.of() : PURPOSES;
    }

    /** Binds a sealed outbox wording to its school and purpose, so it opens nowhere else. */
    static String sealContext(long schoolId, String purpose) {
        return "outbox:" + schoolId + ":" + purpose;
    }
}
