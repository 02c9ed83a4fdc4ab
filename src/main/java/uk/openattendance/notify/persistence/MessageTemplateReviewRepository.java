package uk.openattendance.notify.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Each school's approvals of the machine-made wording we ship, per message and language. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface MessageTemplateReviewRepository extends GenericRepository<MessageTemplateReviewRow, MessageTemplateKey> {
    List<MessageTemplateReviewRow> findByKeySchoolId(long schoolId);

    Optional<MessageTemplateReviewRow> findByKey(MessageTemplateKey key);

    // one statement: approving again (after a release changed the words) replaces the approval, whoever got there first
    @Query("INSERT INTO message_template_review (school_id, purpose, language, wording_sha, reviewed_by, reviewed_at) "
            + "VALUES (:schoolId, :purpose, :language, :wordingSha, :reviewedBy, :reviewedAt) "
            + "ON DUPLICATE KEY UPDATE wording_sha = VALUES(wording_sha), reviewed_by = VALUES(reviewed_by), reviewed_at = VALUES(reviewed_at)")
    void save(long schoolId, String purpose, String language, String wordingSha, String reviewedBy, Instant reviewedAt);
}
