package uk.openattendance.school.app;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import uk.openattendance.school.domain.Closure;
import uk.openattendance.school.domain.Term;

@Schema(example = "{\"schoolId\": 3, \"terms\": [{\"academicYear\": \"2026/27\", \"name\": \"Autumn\", \"startsOn\": \"2026-09-03\", \"endsOn\": \"2026-12-18\", \"halfTermBreakStartsOn\": \"2026-10-26\", \"halfTermBreakEndsOn\": \"2026-10-30\"}], \"closures\": [{\"date\": \"2026-11-27\", \"sessions\": \"ALL_DAY\", \"registerGroupId\": 7, \"kind\": \"INSET\", \"description\": \"Staff training day\"}]}")
public record CalendarView(long schoolId, List<Term> terms, List<Closure> closures) {}
