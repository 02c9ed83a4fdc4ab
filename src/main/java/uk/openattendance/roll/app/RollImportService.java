package uk.openattendance.roll.app;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
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
import uk.openattendance.roll.domain.CsvTable;
import uk.openattendance.roll.persistence.PupilRepository;
import uk.openattendance.roll.persistence.PupilRow;
import uk.openattendance.school.app.RegisterGroupService;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/**
 * CSV import of the roll. All or nothing: every row is checked before anything is written, and one bad row rejects
 * the file with each bad line's number and reason. Rows are matched by UPN, so importing the same file twice changes nothing.
 */
@Singleton
public class RollImportService {
    public static final int MAX_ROWS = 20_000;

    private final PupilRepository pupils;
    private final RegisterGroupService registerGroups;
    private final PupilCsvReader reader;
    private final AdmissionsRecorder admissions;
    private final ContactImporter contacts;

    public RollImportService(PupilRepository pupils, RegisterGroupService registerGroups, PupilCsvReader reader, AdmissionsRecorder admissions,
            ContactImporter contacts) {
        this.pupils = pupils;
        this.registerGroups = registerGroups;
        this.reader = reader;
        this.admissions = admissions;
        this.contacts = contacts;
    }

    @Transactional
    public ImportReport importPupils(Actor actor, long schoolId, String csv) {
        SchoolScope scope = actor.require(Permission.ROLL_WRITE, schoolId, "School", schoolId);
        CsvTable table = table(csv, PupilCsvReader.REQUIRED);
        Map<String, Long> groups = registerGroups.registerGroups(scope).stream()
                .collect(Collectors.toMap(g -> g.name().toLowerCase(), g -> g.id()));
        List<FieldError> errors = new ArrayList<>();
        List<PupilCsvReader.Line> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            for (PupilCsvReader.Line line : reader.read(row, groups, errors)) {
                if (!seen.add(line.command().upn())) {
                    errors.add(new FieldError("line " + line.line() + ": upn", "a UPN not repeated earlier in the file"));
                }
                lines.add(line);
            }
        }
        rejectIfAny(errors);
        Map<String, PupilRow> existing = pupils.findBySchoolId(schoolId).stream().collect(Collectors.toMap(PupilRow::upn, Function.identity()));
        int created = 0;
        int updated = 0;
        // new pupils' admission events are worked out against one reading of the calendar and written in one batch
        Map<Long, java.time.LocalDate> admitted = new java.util.LinkedHashMap<>();
        for (PupilCsvReader.Line line : lines) {
            PupilRow current = existing.get(line.command().upn());
            if (current == null) {
                PupilRow saved = pupils.save(RollMapper.row(null, schoolId, line.command(), null));
                admitted.put(saved.id(), line.command().startDate());
                created++;
            } else if (!RollMapper.row(current.id(), schoolId, line.command(), current.version()).equals(current)) {
                pupils.update(RollMapper.row(current.id(), schoolId, line.command(), current.version()));
                updated++;
            }
        }
        admissions.admittedAll(scope, admitted);
        return new ImportReport(lines.size(), created, updated, lines.size() - created - updated);
    }

    @Transactional
    public ImportReport importContacts(Actor actor, long schoolId, String csv) {
        actor.require(Permission.ROLL_WRITE, schoolId, "School", schoolId);
        CsvTable table = table(csv, ContactImporter.REQUIRED);
        Map<String, Long> pupilIds = new HashMap<>();
        pupils.findBySchoolId(schoolId).forEach(p -> pupilIds.put(p.upn(), p.id()));
        return contacts.importRows(schoolId, table.rows(), pupilIds);
    }

    private static CsvTable table(String csv, List<String> required) {
        if (csv == null || csv.isBlank()) {
            throw DomainProblem.field(RollProblem.IMPORT_REJECTED, "body", "a CSV file with a header row");
        }
        CsvTable table = CsvTable.parse(csv);
        List<String> missing = table.missingColumns(required);
        if (!missing.isEmpty()) {
            throw DomainProblem.field(RollProblem.IMPORT_REJECTED, "line 1", "a header row with the columns " + missing);
        }
        if (table.rows().size() > MAX_ROWS) {
            throw DomainProblem.field(RollProblem.IMPORT_REJECTED, "body", "at most " + MAX_ROWS + " rows per file");
        }
        return table;
    }

    static void rejectIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new DomainProblem(RollProblem.IMPORT_REJECTED, errors.size() + " problem(s), first at " + errors.get(0).field() + ": expected "
                    + errors.get(0).expected() + ". Nothing was imported.", errors);
        }
    }
}
