package uk.openattendance.register.app;

import io.swagger.v3.oas.annotations.media.Schema;
import uk.openattendance.register.domain.Figures;

/**
 * Figures for one pupil or one group. For a group, {@code figures} sums every member's sessions (the DfE's overall
 * rate), and {@code persistentAbsentees} counts members at 10% or more missed.
 */
@Schema(example = "{\"key\": \"7\", \"label\": \"Year 2\", \"pupils\": 28, \"figures\": {\"possibleSessions\": 2240, \"attended\": 2116, \"present\": 2110, \"approvedEducationalActivity\": 6, \"authorisedAbsence\": 92, \"unauthorisedAbsence\": 32, \"lateBeforeClose\": 41, \"lateAfterClose\": 3, \"minutesLate\": 286, \"attendancePercent\": 94.5, \"absencePercent\": 5.5, \"persistentAbsence\": false, \"severeAbsence\": false, \"denominator\": \"2240 possible sessions: marks whose code counts as possible, only on days the pupil was on roll\"}, \"persistentAbsentees\": 3, \"severeAbsentees\": 0, \"window\": {\"description\": \"This academic year to date\", \"from\": \"2026-09-03\", \"to\": \"2026-11-23\"}}")
public record FiguresRow(String key, String label, int pupils, Figures figures, int persistentAbsentees, int severeAbsentees, WindowView window) {}
