package uk.openattendance.followup.app;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.openattendance.followup.persistence.MissingEducationFlagRepository;
import uk.openattendance.followup.persistence.MissingEducationFlagRow;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

@Singleton
public class MissingEducationFlags {
    private final MissingEducationFlagRepository flags;
    private final PupilService pupils;

    public MissingEducationFlags(MissingEducationFlagRepository flags, PupilService pupils) {
        this.flags = flags;
        this.pupils = pupils;
    }

    @Schema(example = "{\"pupilId\": 57, \"pupilName\": \"Maya Trevelyan\", \"since\": \"2026-11-09\", \"flaggedOn\": \"2026-11-20\", \"schoolDays\": 10}")
    public record FlagView(long pupilId, String pupilName, LocalDate since, LocalDate flaggedOn, int schoolDays) {}

    public List<FlagView> flags(Actor actor, long schoolId) {
        SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId);
        List<MissingEducationFlagRow> rows = flags.findBySchoolIdOrderByFlaggedOnDesc(schoolId);
        Map<Long, PupilView> byId = pupils.pupilsByIds(scope, rows.stream().map(MissingEducationFlagRow::pupilId).distinct().toList()).stream()
                .collect(Collectors.toMap(PupilView::id, Function.identity()));
        return rows.stream().map(r -> new FlagView(r.pupilId(), byId.containsKey(r.pupilId()) ? byId.get(r.pupilId()).displayName() : null, r.sinceDate(),
                r.flaggedOn(), r.schoolDays())).toList();
    }
}
