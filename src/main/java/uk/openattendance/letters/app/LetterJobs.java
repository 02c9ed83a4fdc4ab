package uk.openattendance.letters.app;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.schedule.app.JobHandler;
import uk.openattendance.security.Purpose;
import uk.openattendance.security.SchoolScope;

/**
 * The weekly letter run: on the last school day of each week, after the afternoon register, the letters due are
 * drafted for the office to review on Monday.
 */
@Factory
class LetterJobs {
    static final LocalTime DUE = LocalTime.of(15, 30);

    @Singleton
    JobHandler weeklyLetterRun(LetterRuns letters, SchoolDay schoolDay) {
        return new JobHandler() {
            @Override
            public String kind() {
                return "LETTER_RUN";
            }

            @Override
            public Purpose purpose() {
                return Purpose.LETTER_RUN;
            }

            @Override
            public List<Slot> slots(long schoolId, LocalDate date) {
                var calendar = schoolDay.of(schoolId).calendar();
                for (LocalDate d = date.plusDays(1); d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.MONDAY; d = d.plusDays(1)) {
                    if (calendar.isSchoolDay(d)) {
                        return List.of();
                    }
                }
                return List.of(new Slot("PM", DUE, LocalTime.of(23, 0), "drafts are for the office's next working day"));
            }

            @Override
            public String run(SchoolScope scope, LocalDate date, String session) {
                LetterRuns.RunResult r = letters.run(scope, date);
                return r.drafted() + " letter(s) drafted, " + r.suppressed() + " suppressed by exceptions, " + r.pupilsChecked() + " pupils checked";
            }
        };
    }
}
