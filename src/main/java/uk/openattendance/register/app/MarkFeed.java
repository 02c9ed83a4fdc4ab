package uk.openattendance.register.app;

import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import uk.openattendance.platform.sync.ChangeCursor;
import uk.openattendance.platform.sync.ChangeFeeds;
import uk.openattendance.platform.sync.ChangePage;
import uk.openattendance.register.persistence.MarkChanges;
import uk.openattendance.roll.app.RollSync;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/**
 * Every mark written at a school, first marks and amendments alike, in the order they were written: what an MIS pulls
 * to keep its own register in step. Each entry is one line of the pupil's legal history.
 */
@Singleton
public class MarkFeed {
    @Schema(example = "{\"historyId\": 88213, \"pupilId\": 42, \"pupilExternalId\": \"MIS-100482\", \"date\": \"2026-11-23\", \"session\": \"AM\", \"previousCode\": \"N\", \"code\": \"I\", \"minutesLate\": 0, \"reason\": \"Parent phoned: illness\", \"changedBy\": \"office@example.org (Office staff)\", \"changedAt\": \"2026-11-23T09:47:00Z\"}")
    public record MarkChange(long historyId, long pupilId, @Nullable String pupilExternalId, LocalDate date, String session, @Nullable String previousCode,
            String code, int minutesLate, @Nullable String reason, String changedBy, Instant changedAt) {}

    private final MarkChanges changes;
    private final ChangeFeeds feeds;
    private final RollSync roll;

    MarkFeed(MarkChanges changes, ChangeFeeds feeds, RollSync roll) {
        this.changes = changes;
        this.feeds = feeds;
        this.roll = roll;
    }

    public ChangePage<MarkChange> markChanges(Actor actor, long schoolId, @Nullable String cursor, @Nullable Instant updatedSince, @Nullable Integer size) {
        SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId);
        int n = ChangeFeeds.size(size);
        ChangeCursor after = ChangeCursor.from(cursor, updatedSince);
        List<MarkChanges.Entry> entries = changes.after(schoolId, after, feeds.settleMicros(), n + 1);
        Map<Long, String> ext = roll.pupilExternalIds(scope, entries.stream().map(MarkChanges.Entry::pupilId).distinct().toList());
        return ChangePage.of(entries, n, after, MarkChanges.Entry::stamp, MarkChanges.Entry::historyId, e -> new MarkChange(e.historyId(), e.pupilId(),
                ext.get(e.pupilId()), e.date(), e.session(), e.oldCode(), e.code(), e.minutesLate(), e.reason(), e.changedBy(), e.changedAt()));
    }
}
