package uk.openattendance.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import uk.openattendance.platform.idempotency.persistence.IdempotencyRepository;
import uk.openattendance.platform.idempotency.persistence.IdempotencyRow;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;

/**
 * A creating call retried with the same Idempotency-Key answers the first call's response instead of creating twice.
 * The record is written in the same transaction as the creation, so a crash between the two cannot happen; two
 * concurrent first calls collide on the unique key and the loser's creation rolls back.
 */
@Singleton
public class IdempotentCalls {
    private final IdempotencyRepository records;
    private final ObjectMapper mapper;
    private final Clock clock;

    public IdempotentCalls(IdempotencyRepository records, ObjectMapper mapper, Clock clock) {
        this.records = records;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Either the value just created, or the stored JSON of the first response. */
    public record Outcome<T>(T created, String replayedJson) {}

    @Transactional
    public <T> Outcome<T> run(String caller, String key, String operation, Object request, Supplier<T> create) {
        if (key == null) {
            return new Outcome<>(create.get(), null);
        }
        if (key.isBlank() || key.length() > 200) {
            throw DomainProblem.field(CommonProblem.VALIDATION_FAILED, "Idempotency-Key", "a key of 1 to 200 characters, unique per creation");
        }
        String hash = sha256(operation + "\n" + json(request));
        Optional<IdempotencyRow> earlier = records.findByCallerAndIdemKey(caller, key);
        if (earlier.isPresent()) {
            if (!earlier.get().requestHash().equals(hash)) {
                throw DomainProblem.field(CommonProblem.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key", "a new key for a different request");
            }
            return new Outcome<>(null, earlier.get().responseBody());
        }
        T created = create.get();
        records.save(new IdempotencyRow(null, caller, key, operation, hash, 201, json(created), clock.instant()));
        return new Outcome<>(created, null);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
