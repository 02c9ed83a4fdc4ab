package uk.openattendance.letters.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

/** Letters as sent in other languages than English. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface LetterTranslationRepository extends GenericRepository<LetterTranslationRow, LetterTranslationKey> {
    Optional<LetterTranslationRow> findByKey(LetterTranslationKey key);

    /** Keeps a letter as sent in one language; the first rendering stands, so every copy in that language says the same. */
    default void keep(LetterTranslationRow t) {
        insertIgnore(t.key().letterId(), t.key().language(), t.subject(), t.bodyHtml(), t.madeAt());
    }

    // INSERT IGNORE: a second sending in the same language (another contact, at the same moment) keeps the first's words without failing
    @Query("INSERT IGNORE INTO letter_translation (letter_id, language, subject, body_html, made_at) VALUES (:letterId, :language, :subject, :bodyHtml, :madeAt)")
    void insertIgnore(long letterId, String language, String subject, String bodyHtml, Instant madeAt);
}
