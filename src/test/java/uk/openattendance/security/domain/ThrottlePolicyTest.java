package uk.openattendance.security.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ThrottlePolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-23T08:30:00Z");

    @ParameterizedTest(name = "{0} failures lock an account for {1}")
    @CsvSource({
            "0, PT0S", "1, PT0S", "4, PT0S", "5, PT0S",
            "6, PT1M", "7, PT2M", "8, PT4M", "9, PT8M", "10, PT16M", "11, PT32M",
            "12, PT1H", "13, PT1H", "40, PT1H", "2000000000, PT1H"})
    void anAccountHasFiveFreeFailuresThenALockoutThatDoublesUpToAnHour(int failures, Duration lock) {
        assertThat(ThrottlePolicy.perAccount().lockoutAfter(failures)).isEqualTo(lock);
    }

    @ParameterizedTest(name = "an address with {0} failures is locked for {1}")
    @CsvSource({"0, PT0S", "50, PT0S", "51, PT1M", "52, PT2M", "58, PT1H"})
    void anAddressHasALargerBudgetThanOneAccount(int failures, Duration lock) {
        assertThat(ThrottlePolicy.perAddress(50).lockoutAfter(failures)).isEqualTo(lock);
    }

    @ParameterizedTest(name = "last failure {0} min ago, locked until {1} min from the last failure: forgotten {2}")
    @CsvSource({
            "1, , false",
            "14, , false",
            "15, , true",
            "60, , true",
            "20, 5, true",
            "20, 10, false",
            "70, 60, false",
            "75, 60, true"})
    void aKeyIsForgottenAfterAQuietQuarterOfAnHourCountedFromTheEndOfItsLockout(int minutesAgo, Integer lockMinutes, boolean forgotten) {
        Instant last = NOW.minus(Duration.ofMinutes(minutesAgo));
        Instant lockedUntil = lockMinutes == null ? null : last.plus(Duration.ofMinutes(lockMinutes));
        assertThat(ThrottlePolicy.perAccount().forgotten(last, lockedUntil, NOW)).isEqualTo(forgotten);
    }

    @ParameterizedTest(name = "locked {0} ms more: Retry-After {1}")
    @CsvSource({"-1000, 0", "0, 0", "1, 1", "999, 1", "1000, 1", "1001, 2", "3600000, 3600"})
    void retryAfterIsWholeSecondsRoundedUp(long millis, long seconds) {
        assertThat(ThrottlePolicy.secondsUntil(NOW.plusMillis(millis), NOW)).isEqualTo(seconds);
    }

    @Test
    void aKeyWithinItsBudgetIsNotLocked() {
        assertThat(ThrottlePolicy.perAccount().lockedUntil(5, NOW)).isNull();
        assertThat(ThrottlePolicy.perAccount().lockedUntil(6, NOW)).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void aPolicyWithoutFreeFailuresIsRefused() {
        assertThatThrownBy(() -> new ThrottlePolicy(0, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(15)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
