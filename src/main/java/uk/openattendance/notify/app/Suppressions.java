package uk.openattendance.notify.app;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import uk.openattendance.notify.persistence.SuppressionRepository;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.roll.domain.MobileNumber;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;

/** The school's own do-not-message list beside the provider's opt-outs. */
@Singleton
public class Suppressions {
    private final SuppressionRepository store;
    private final Clock clock;

    public Suppressions(SuppressionRepository store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Schema(example = "{\"address\": \"07700 900123\", \"reason\": \"Parent asked by phone for no texts\"}")
    public record Suppress(String address, String reason) {}

    @Schema(example = "{\"address\": \"+447700900123\", \"reason\": \"Parent asked by phone for no texts\", \"scope\": \"THIS_SCHOOL\", \"createdBy\": \"office@example.org\", \"createdAt\": \"2026-11-23T09:12:00Z\"}")
    public record SuppressionView(String address, String reason, String scope, String createdBy, Instant createdAt) {}

    public List<SuppressionView> list(Actor actor, long schoolId) {
        actor.require(Permission.ROLL_READ, schoolId, "School", schoolId);
        return store.ofSchool(schoolId).stream().map(r -> new SuppressionView(r.address(), r.reason(), r.schoolId() == 0 ? "EVERY_SCHOOL" : "THIS_SCHOOL",
                r.createdBy(), r.createdAt())).toList();
    }

    public SuppressionView add(Actor actor, long schoolId, Suppress command) {
        actor.require(Permission.ROLL_WRITE, schoolId, "School", schoolId);
        String address = normalise(command == null ? null : command.address());
        String reason = command.reason() == null || command.reason().isBlank() ? "asked not to be messaged" : command.reason().strip();
        if (reason.length() > 200) {
            throw DomainProblem.field(NotifyProblem.ADDRESS_NOT_VALID, "reason", "at most 200 characters");
        }
        store.suppress(schoolId, address, reason, actor.describeIn(schoolId), clock.instant());
        return new SuppressionView(address, reason, "THIS_SCHOOL", actor.describeIn(schoolId), clock.instant());
    }

    public void remove(Actor actor, long schoolId, String address) {
        actor.require(Permission.ROLL_WRITE, schoolId, "School", schoolId);
        if (store.deleteByAddressAndSchoolId(normalise(address), schoolId) == 0) {
            throw CommonProblem.notFound("Suppression", address);
        }
    }

    static String normalise(String address) {
        if (address != null && address.contains("@") && address.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") && address.length() <= 254) {
            return address.strip().toLowerCase(java.util.Locale.ROOT);
        }
        return MobileNumber.toE164(address).orElseThrow(() -> DomainProblem.field(NotifyProblem.ADDRESS_NOT_VALID, "address",
                MobileNumber.EXPECTED + ", or an email address"));
    }
}
