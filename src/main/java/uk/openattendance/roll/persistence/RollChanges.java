package uk.openattendance.roll.persistence;

import jakarta.inject.Singleton;
import java.util.List;
import uk.openattendance.platform.sync.ChangeCursor;
import uk.openattendance.platform.sync.ChangeRows;

/** Which pupils and contact links changed after a cursor, in change order (the rows themselves come from the repositories). */
@Singleton
public class RollChanges {
    private final ChangeRows rows;

    public RollChanges(ChangeRows rows) {
        this.rows = rows;
    }

    public List<ChangeRows.Changed> pupils(long schoolId, ChangeCursor after, long settleMicros, int limit) {
        return rows.after("SELECT id, changed_at AS stamp FROM pupil WHERE school_id = :school", schoolId, after, settleMicros, limit);
    }

    /** A link counts as changed when it or its contact (the person, shared between siblings) changed. */
    public List<ChangeRows.Changed> contactLinks(long schoolId, ChangeCursor after, long settleMicros, int limit) {
        return rows.after("SELECT pc.id, GREATEST(pc.changed_at, c.changed_at) AS stamp FROM pupil_contact pc JOIN contact c ON c.id = pc.contact_id "
                + "WHERE pc.school_id = :school", schoolId, after, settleMicros, limit);
    }
}
