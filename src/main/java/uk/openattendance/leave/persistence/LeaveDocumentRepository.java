package uk.openattendance.leave.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface LeaveDocumentRepository extends CrudRepository<LeaveDocumentRow, Long> {
    List<LeaveDocumentMeta> findByRequestIdOrderById(long requestId);

    /** The whole row, content included (a projection of the content alone would read the bytes as a list of Byte). */
    Optional<LeaveDocumentRow> findByRequestIdAndId(long requestId, long id);
}
