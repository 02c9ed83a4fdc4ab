package uk.openattendance.notify.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface StoredMessageRepository extends CrudRepository<StoredMessageRow, Long> {
    List<StoredMessageRow> findBySchoolIdOrderByIdDesc(long schoolId, Pageable pageable);

    long countBySchoolId(long schoolId);

    List<StoredMessageRow> findBySchoolIdAndPurposeNotInOrderByIdDesc(long schoolId, java.util.Collection<String> purposes, Pageable pageable);

    long countBySchoolIdAndPurposeNotIn(long schoolId, java.util.Collection<String> purposes);
}
