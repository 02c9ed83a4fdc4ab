package uk.openattendance.app.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A term so far of fictional marks, so the demo's figures, lists and letters have something to show: most pupils
 * attend nearly every session, some miss a day or two through illness, a few are persistently absent, a handful arrive
 * late, and one in fifty takes a week of unauthorised holiday. Deterministic for a seed.
 */
final class DemoHistory {
    private DemoHistory() {}

    /** marks.csv rows (upn,date,session,code,minutes_late) for these pupils over these school days, in chunks of at most {@code chunk} rows. */
    static List<String> marks(long seed, List<String> upns, List<LocalDate> schoolDays, int chunk) {
        Random random = new Random(seed);
        List<String> chunks = new ArrayList<>();
        StringBuilder csv = new StringBuilder();
        int rows = 0;
        for (String upn : upns) {
            double roll = random.nextDouble();
            double illness = roll < 0.70 ? 0.008 : roll < 0.90 ? 0.03 : roll < 0.98 ? 0.07 : 0.2;
            double unauthorised = roll < 0.95 ? 0.0 : 0.04;
            double late = random.nextInt(10) == 0 ? 0.08 : 0.005;
            int holidayStart = random.nextInt(50) == 0 && schoolDays.size() > 10 ? random.nextInt(schoolDays.size() - 5) : -1;
            int illUntil = -1;
            for (int d = 0; d < schoolDays.size(); d++) {
                if (illUntil < d && random.nextDouble() < illness) {
                    illUntil = d + random.nextInt(3);
                }
                for (String session : List.of("AM", "PM")) {
                    String code = session.equals("AM") ? "/" : "\\";
                    int minutes = 0;
                    if (holidayStart >= 0 && d >= holidayStart && d < holidayStart + 5) {
                        code = "G";
                    } else if (d <= illUntil) {
                        code = "I";
                    } else if (random.nextDouble() < unauthorised) {
                        code = "O";
                    } else if (session.equals("AM") && random.nextDouble() < late) {
                        minutes = 3 + random.nextInt(40);
                        code = minutes > 25 ? "U" : "L";
                    } else if (random.nextDouble() < 0.003) {
                        code = "M";
                    }
                    if (rows == 0) {
                        csv.append("upn,date,session,code,minutes_late\n");
                    }
                    csv.append(upn).append(',').append(schoolDays.get(d)).append(',').append(session).append(',').append(code).append(',').append(minutes)
                            .append('\n');
                    if (++rows == chunk) {
                        chunks.add(csv.toString());
                        csv = new StringBuilder();
                        rows = 0;
                    }
                }
            }
        }
        if (rows > 0) {
            chunks.add(csv.toString());
        }
        return chunks;
    }
}
