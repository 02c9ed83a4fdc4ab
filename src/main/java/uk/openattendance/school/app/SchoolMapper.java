package uk.openattendance.school.app;

import java.util.Arrays;
import java.util.List;
import uk.openattendance.school.domain.RegisterGroupTimings;
import uk.openattendance.school.domain.SessionTiming;
import uk.openattendance.school.persistence.RegisterGroupRow;
import uk.openattendance.school.persistence.SchoolRow;

final class SchoolMapper {
    private SchoolMapper() {}

    static SchoolView view(SchoolRow row) {
        return new SchoolView(row.id(), row.trustId(), row.urn(), row.name(), row.zone(), row.phone(), row.email(), row.address(),
                origins(row.allowedOrigins()), row.presetKey(), row.version() == null ? 0 : row.version());
    }

    static List<String> origins(String stored) {
        return stored == null || stored.isBlank() ? List.of() : Arrays.asList(stored.split(","));
    }

    static String origins(List<String> origins) {
        return origins == null ? "" : String.join(",", origins);
    }

    static RegisterGroupView view(RegisterGroupRow row) {
        return new RegisterGroupView(row.id(), row.schoolId(), row.name(), row.sortOrder(), timings(row).am(), timings(row).pm(),
                row.version() == null ? 0 : row.version());
    }

    static RegisterGroupTimings timings(RegisterGroupRow r) {
        return new RegisterGroupTimings(r.name(),
                new SessionTiming(r.amOpensAt(), r.amLateAfter(), r.amClosesAt(), r.amUnauthorisedAfter()),
                new SessionTiming(r.pmOpensAt(), r.pmLateAfter(), r.pmClosesAt(), r.pmUnauthorisedAfter()));
    }

    static RegisterGroupRow row(Long id, long schoolId, int sortOrder, RegisterGroupTimings t, Long version) {
        return new RegisterGroupRow(id, schoolId, t.name(), sortOrder,
                t.am().opensAt(), t.am().lateAfter(), t.am().closesAt(), t.am().unauthorisedAfter(),
                t.pm().opensAt(), t.pm().lateAfter(), t.pm().closesAt(), t.pm().unauthorisedAfter(), version);
    }
}
