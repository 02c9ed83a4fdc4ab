package uk.openattendance.register.app;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import uk.openattendance.schedule.app.JobHandler;
import uk.openattendance.security.Purpose;
import uk.openattendance.security.SchoolScope;

/** The daily seal, after the school day: the scheduler's job table makes it once per school and day on every instance. */
@Singleton
class LedgerSealJob implements JobHandler {
    private final LedgerSeals seals;
    private final LocalTime at;

    LedgerSealJob(LedgerSeals seals, @Value("${attendance.ledger.seal-time:18:00}") String at) {
        this.seals = seals;
        this.at = LocalTime.parse(at);
    }

    @Override
    public String kind() {
        return "LEDGER_SEAL";
    }

    @Override
    public Purpose purpose() {
        return Purpose.LEDGER_SEAL;
    }

    @Override
    public List<Slot> slots(long schoolId, LocalDate date) {
        return List.of(new Slot(null, at, LocalTime.of(23, 59), "a seal made after midnight would be dated the next day"));
    }

    @Override
    public String run(SchoolScope scope, LocalDate date, String session) {
        return seals.sealAndSend(scope, date);
    }
}
