package uk.openattendance.school.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import uk.openattendance.platform.db.Sql;

/** The sms_sender columns of school and trust (V023), outside the mapped rows so saving a school's details keeps them. */
@Singleton
@Connectable
public class SmsSenderStore {
    /** The school or the trust a sender belongs to: exactly one of the two is set. */
    public record Owner(Long schoolId, Long trustId) {}

    private final Sql sql;

    public SmsSenderStore(JdbcOperations jdbc) {
        this.sql = Sql.on(jdbc);
    }

    public Optional<String> ofSchool(long schoolId) {
        return sender("SELECT sms_sender FROM school WHERE id = :id", schoolId);
    }

    public Optional<String> ofTrust(long trustId) {
        return sender("SELECT sms_sender FROM trust WHERE id = :id", trustId);
    }

    /** Returns false when there is no such school; a sender another school has breaks uq_school_sms_sender. */
    public boolean setForSchool(long schoolId, String sender) {
        return sql.update("UPDATE school SET sms_sender = :sender WHERE id = :id", Sql.params("sender", sender).and("id", schoolId)) == 1;
    }

    public boolean setForTrust(long trustId, String sender) {
        return sql.update("UPDATE trust SET sms_sender = :sender WHERE id = :id", Sql.params("sender", sender).and("id", trustId)) == 1;
    }

    public Optional<Owner> ownerOf(String sender) {
        return sql.query("SELECT id AS school_id, NULL AS trust_id FROM school WHERE sms_sender = :sender "
                + "UNION ALL SELECT NULL, id FROM trust WHERE sms_sender = :sender", Sql.params("sender", sender))
                .optional(rs -> new Owner(Sql.nullableLong(rs, "school_id"), Sql.nullableLong(rs, "trust_id")));
    }

    public Set<Long> schoolsOfTrust(long trustId) {
        return new LinkedHashSet<>(sql.query("SELECT id FROM school WHERE trust_id = :trust", Sql.params("trust", trustId)).list(rs -> rs.getLong("id")));
    }

    /** Optional.empty() both when there is no such row and when it has no sender. */
    private Optional<String> sender(String select, long id) {
        return sql.query(select, Sql.params("id", id)).list(rs -> Optional.ofNullable(rs.getString("sms_sender"))).stream().findFirst().flatMap(s -> s);
    }
}
