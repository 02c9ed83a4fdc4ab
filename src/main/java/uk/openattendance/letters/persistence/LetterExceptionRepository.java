package uk.openattendance.letters.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;
import uk.openattendance.letters.domain.LetterException;

/** The reasons each school has recorded not to send some pupils' letters. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface LetterExceptionRepository extends GenericRepository<LetterExceptionRow, Long> {
    /** The school's exceptions, oldest first. */
    default List<LetterException> ofSchool(long schoolId) {
        return findBySchoolIdOrderById(schoolId).stream().map(LetterExceptionRow::exception).toList();
    }

    /** One of the school's exceptions, as stored (its times at the column's precision). */
    default Optional<LetterException> one(long schoolId, long id) {
        return findByIdAndSchoolId(id, schoolId).map(LetterExceptionRow::exception);
    }

    List<LetterExceptionRow> findBySchoolIdOrderById(long schoolId);

    Optional<LetterExceptionRow> findByIdAndSchoolId(long id, long schoolId);

    LetterExceptionRow save(LetterExceptionRow row);
}
