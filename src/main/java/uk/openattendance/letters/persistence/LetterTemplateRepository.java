package uk.openattendance.letters.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Letter wording: a trust's defaults and a school's own, per kind and language. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface LetterTemplateRepository extends GenericRepository<LetterTemplateRow, Long> {
    /** The school's and its trust's templates, in every language they wrote one in (the school's first). */
    default List<LetterTemplateRow> ofSchoolAndTrust(long schoolId, long trustId) {
        List<LetterTemplateRow> out = new ArrayList<>(findByOwnerTypeAndOwnerId(LetterTemplateOwner.SCHOOL, schoolId));
        out.addAll(findByOwnerTypeAndOwnerId(LetterTemplateOwner.TRUST, trustId));
        return out;
    }

    List<LetterTemplateRow> findByOwnerTypeAndOwnerId(LetterTemplateOwner ownerType, long ownerId);

    default void save(LetterTemplateOwner ownerType, long ownerId, String kind, String language, String subject, String body, String updatedBy,
            Instant updatedAt) {
        upsert(ownerType.name(), ownerId, kind, language, subject, body, updatedBy, updatedAt);
    }

    // one statement, not find-then-save: two administrators saving the same kind at once both succeed, the later words standing
    @Query("INSERT INTO letter_template (owner_type, owner_id, kind, language, subject, body, updated_by, updated_at) "
            + "VALUES (:ownerType, :ownerId, :kind, :language, :subject, :body, :updatedBy, :updatedAt) "
            + "ON DUPLICATE KEY UPDATE subject = VALUES(subject), body = VALUES(body), updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)")
    void upsert(String ownerType, long ownerId, String kind, String language, String subject, String body, String updatedBy, Instant updatedAt);
}
