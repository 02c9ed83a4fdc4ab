package uk.openattendance.roll.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ContactRepository extends CrudRepository<ContactRow, Long> {
    List<ContactRow> findByIdIn(Collection<Long> ids);

    List<ContactRow> findBySchoolId(long schoolId);

    List<ContactRow> findBySchoolIdAndMobileE164(long schoolId, String mobileE164);

    List<ContactRow> findBySchoolIdAndEmail(long schoolId, String email);

    List<ContactRow> findByMobileE164(String mobileE164);
}
