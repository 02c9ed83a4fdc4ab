package uk.openattendance.notify.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Each school's own wording of its messages, per language. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface MessageTemplateRepository extends GenericRepository<MessageTemplateRow, MessageTemplateKey> {
    List<MessageTemplateRow> findByKeySchoolId(long schoolId);

    Optional<MessageTemplateRow> findByKey(MessageTemplateKey key);

    // one statement, not find-then-save: two administrators saving the same wording at once both succeed, the later words standing
    @Query("INSERT INTO message_template (school_id, purpose, language, subject, body, updated_by, updated_at) "
            + "VALUES (:schoolId, :purpose, :language, :subject, :body, :updatedBy, :updatedAt) "
            + "ON DUPLICATE KEY UPDATE subject = VALUES(subject), body = VALUES(body), updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)")
    void save(long schoolId, String purpose, String language, @Nullable String subject, String body, String updatedBy, Instant updatedAt);

    int deleteByKey(MessageTemplateKey key);
}
