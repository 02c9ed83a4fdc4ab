package uk.openattendance.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RowInsertsTest {
    @Test
    void anInstantIsWrittenAsItsUtcWallTimeWhateverTheMachinesZone() {
        assertThat(RowInserts.utc(Instant.parse("2026-03-29T00:59:59Z"))).isEqualTo("2026-03-29 00:59:59");
        assertThat(RowInserts.utc(Instant.parse("2026-07-01T08:00:00Z"))).isEqualTo("2026-07-01 08:00:00");
    }

    @Test
    void microsecondsAreKeptWhenAnInstantHasThem() {
        assertThat(RowInserts.utc(Instant.parse("2026-07-01T08:00:00.000123Z"))).isEqualTo("2026-07-01 08:00:00.000123");
    }
}
