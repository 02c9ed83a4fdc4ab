package uk.openattendance.register.app;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.problem.FieldError;
import uk.openattendance.register.domain.CodeCatalogue;
import uk.openattendance.register.persistence.MarkRow;
import uk.openattendance.register.persistence.MarkStore;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.roll.domain.CsvTable;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/**
 * Imports marks from another system (upn, date, session, code, minutes_late). All or nothing; every mark becomes a
 * history entry like any other; importing the same file again changes nothing. Retired codes dated after 19 August
 * 2024 are mapped as the DfE's table says and counted in the report.
 */
@Singleton
public class MarkImportService {
    private static final List<String> REQUIRED = List.of("upn", "date", "session", "code");
    public static final int MAX_ROWS = 200_000;
    private static final int CHUNK = 5_000;

    private final PupilService pupils;
    private final MarkStore store;
    private final MarkWriter writer;

    public MarkImportService(PupilService pupils, MarkStore store, MarkWriter writer) {
        this.pupils = pupils;
        this.store = store;
        this.writer = writer;
    }

    @Schema(example = "{\"rows\": 4320, \"created\": 4290, \"amended\": 12, \"unchanged\": 14, \"mappedFromRetiredCodes\": 4}")
    public record MarkImportReport(int rows, int created, int amended, int unchanged, int mappedFromRetiredCodes) {}

    @Transactional
    public MarkImportReport importMarks(Actor actor, long schoolId, String csv) {
        SchoolScope scope = actor.require(Permission.REGISTER_AMEND, schoolId, "School", schoolId);
        CsvTable table = CsvTable.parse(csv);
        List<String> missing = table.missingColumns(REQUIRED);
        if (!missing.isEmpty()) {
            throw DomainProblem.field(RegisterProblem.REGISTER_NOT_VALID, "header", "the columns " + REQUIRED + " (missing " + missing + ")");
        }
        List<CsvTable.Row> rows = table.rows();
        if (rows.size() > MAX_ROWS) {
            throw DomainProblem.field(RegisterProblem.REGISTER_NOT_VALID, "file", "at most " + MAX_ROWS + " rows per file (split it by term)");
        }
        Map<String, PupilView> byUpn = pupils.wholeRoll(scope).stream().collect(Collectors.toMap(PupilView::upn, Function.identity()));
        List<FieldError> errors = new ArrayList<>();
        List<MarkChange> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int mapped = 0;
        for (CsvTable.Row row : rows) {
            PupilView p = byUpn.get(row.text("upn"));
            LocalDate date = row.date("date");
            String session = row.text("session");
            String code = row.text("code");
            int minutes = row.number("minutes_late").orElse(0);
            if (p == null) {
                row.error("upn", "the UPN of a pupil on this school's roll");
            }
            if (session == null || !(session.equals("AM") || session.equals("PM"))) {
                row.error("session", "AM or PM");
            }
            String current = null;
            if (date != null && code != null) {
                current = CodeCatalogue.legacyMapping(code, date).orElse(null);
                if (current == null) {
                    row.error("code", "a register code in force on " + date + " or a retired code with a mapping");
                }
            } else if (code == null) {
                row.error("code", "a register code");
            }
            if (p != null && date != null && !p.onRollOn(date)) {
                row.error("date", "a date on which the pupil was on roll (admitted " + p.startDate() + ")");
            }
            if (p != null && date != null && session != null && !seen.add(p.id() + "/" + date + "/" + session)) {
                row.error("date", "one mark per pupil per session (repeated)");
            }
            if (!row.errors().isEmpty()) {
                errors.addAll(row.errors());
                if (errors.size() > 100) {
                    break;
                }
                continue;
            }
            if (!current.equals(code)) {
                mapped++;
            }
            changes.add(new MarkChange(schoolId, p.id(), p.registerGroupId(), date, session, null, current, minutes, null, "IMPORT", null));
        }
        if (!errors.isEmpty()) {
            throw new DomainProblem(RegisterProblem.REGISTER_NOT_VALID, errors.size() + (errors.size() > 100 ? "+" : "") + " problem(s), first at "
                    + errors.get(0).field() + ": " + errors.get(0).expected() + ". Nothing was imported.", errors);
        }
        int created = 0;
        int amended = 0;
        int unchanged = 0;
        for (int from = 0; from < changes.size(); from += CHUNK) {
            List<MarkChange> chunk = withCurrent(schoolId, changes.subList(from, Math.min(changes.size(), from + CHUNK)));
            for (MarkChange c : chunk) {
                if (c.current() == null) {
                    created++;
                } else if (c.changesNothing()) {
                    unchanged++;
                } else {
                    amended++;
                }
            }
            writer.write(chunk, actor.describeIn(schoolId));
        }
        return new MarkImportReport(changes.size(), created, amended, unchanged, mapped);
    }

    private List<MarkChange> withCurrent(long schoolId, List<MarkChange> chunk) {
        Set<Long> ids = chunk.stream().map(MarkChange::pupilId).collect(Collectors.toSet());
        LocalDate from = chunk.stream().map(MarkChange::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = chunk.stream().map(MarkChange::date).max(LocalDate::compareTo).orElseThrow();
        Map<String, MarkRow> current = new HashMap<>();
        store.marksOfPupils(ids, from, to).forEach(m -> current.put(m.pupilId() + "/" + m.date() + "/" + m.session(), m));
        return chunk.stream().map(c -> {
            MarkRow m = current.get(c.pupilId() + "/" + c.date() + "/" + c.session());
            return m == null ? c : new MarkChange(c.schoolId(), c.pupilId(), c.registerGroupId(), c.date(), c.session(), m, c.code(), c.minutesLate(), null,
                    "IMPORT", "Imported from another system: replaces " + m.code());
        }).toList();
    }
}
