package uk.openattendance.notify.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The do-not-message list; school 0 is every school. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface SuppressionRepository extends GenericRepository<SuppressionRow, Long> {
    /** Suppressed for this school or for every school. */
    default boolean suppressed(long schoolId, String address) {
        return existsByAddressAndSchoolIdIn(address, List.of(0L, schoolId));
    }

    boolean existsByAddressAndSchoolIdIn(String address, Collection<Long> schoolIds);

    /** The school's own list and the every-school one, oldest first. */
    default List<SuppressionRow> ofSchool(long schoolId) {
        return findBySchoolIdInOrderById(List.of(0L, schoolId));
    }

    List<SuppressionRow> findBySchoolIdInOrderById(Collection<Long> schoolIds);

    // INSERT IGNORE, not exists-then-save: a STOP and the provider's opt-out for one number can land at once, and the
    // loser must not fail the transaction it is part of (an inbound text's processing); an address already listed keeps its first reason
    @Query("INSERT IGNORE INTO suppression (school_id, address, reason, created_by, created_at) VALUES (:schoolId, :address, :reason, :createdBy, :createdAt)")
    void suppress(long schoolId, String address, String reason, String createdBy, Instant createdAt);

    /** How many rows went: 0 when the address was not on that list. */
    int deleteByAddressAndSchoolId(String address, long schoolId);
}
