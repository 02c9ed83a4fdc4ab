package uk.openattendance.platform.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Backoff TEXTS = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(16), 5);
    private static final Backoff WEBHOOKS = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(60), 8);

    @Test
    void aFailedTextIsTriedAgainAfterThirtySecondsThenOneTwoAndFourMinutes() {
        assertThat(IntStream.rangeClosed(1, 4).mapToObj(a -> TEXTS.after(a).orElseThrow()))
                .containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4));
    }

    @Test
    void afterTheLastAttemptThereIsNoNextTry() {
        assertThat(TEXTS.after(5)).isEmpty();
        assertThat(TEXTS.after(9)).isEmpty();
        assertThat(WEBHOOKS.after(7)).isPresent();
        assertThat(WEBHOOKS.after(8)).isEmpty();
    }

    @Test
    void theGapNeverGrowsPastItsCap() {
        assertThat(WEBHOOKS.after(7)).contains(Duration.ofMinutes(60));
        Backoff forever = new Backoff(Duration.ofSeconds(1), Duration.ofHours(1), Integer.MAX_VALUE);
        assertThat(forever.after(1_000)).contains(Duration.ofHours(1));
    }

    @Test
    void aConstantBackoffWaitsTheSameEachTime() {
        Backoff jobs = Backoff.constant(Duration.ofMinutes(1), 3);
        assertThat(jobs.after(1)).contains(Duration.ofMinutes(1));
        assertThat(jobs.after(2)).contains(Duration.ofMinutes(1));
        assertThat(jobs.after(3)).isEmpty();
    }

    @Test
    void theNextTryFallsOnAWholeSecond() {
        assertThat(TEXTS.nextTry(1, Instant.parse("2026-03-02T09:15:00.750Z"))).contains(Instant.parse("2026-03-02T09:15:30Z"));
    }

    @Test
    void aBackoffThatCouldNeverRetryIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMinutes(1), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
