package uk.openattendance.security.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import uk.openattendance.security.domain.SignInAttempt;

/** One refused sign-in: the account's id when it exists, else only a hash of what was typed (never the email in clear). */
@MappedEntity("sign_in_audit")
public record SignInAuditRow(
        @Id @GeneratedValue @Nullable Long id,
        SignInAttempt.Door signIn,
        @Nullable Long staffId,
        @Nullable String accountHash,
        String clientAddress,
        SignInAttempt.Refusal outcome,
        Instant attemptedAt) {}
