package uk.openattendance.platform.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeaseTermsTest {
    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
    private static final LeaseTerms MINUTE = LeaseTerms.of(Duration.ofSeconds(60));

    @Test
    void aClaimHoldsForTheLeaseFromWhenItWasMadeOrLastRenewed() {
        assertThat(MINUTE.until(NINE)).isEqualTo(NINE.plusSeconds(60));
        assertThat(MINUTE.until(NINE.plusSeconds(40))).isEqualTo(NINE.plusSeconds(100));
    }

    @Test
    void theHolderRenewsEveryThirdOfTheLeaseSoASlowSendNeverOutlivesIt() {
        assertThat(MINUTE.heartbeat()).isEqualTo(Duration.ofSeconds(20));
        assertThat(MINUTE.renewalDue(NINE, NINE.plusSeconds(19))).isFalse();
        assertThat(MINUTE.renewalDue(NINE, NINE.plusSeconds(20))).isTrue();
        // a send that takes 90 s, renewed every 20 s: at no moment has the lease lapsed
        Instant until = MINUTE.until(NINE);
        for (Instant t = NINE; t.isBefore(NINE.plusSeconds(90)); t = t.plusSeconds(1)) {
            assertThat(LeaseTerms.lapsed(until, t)).as("at %s", t).isFalse();
            if (MINUTE.renewalDue(until.minus(MINUTE.lease()), t)) {
                until = MINUTE.until(t);
            }
        }
    }

    @Test
    void aLeaseLapsesOnlyOnceItsHolderHasBeenSilentLongerThanTheLease() {
        Instant until = MINUTE.until(NINE);
        assertThat(LeaseTerms.lapsed(until, NINE.plusSeconds(60))).isFalse();
        assertThat(LeaseTerms.lapsed(until, NINE.plusSeconds(61))).isTrue();
        assertThat(LeaseTerms.lapsed(null, NINE)).as("an entry nobody holds has no lease to lapse").isFalse();
    }

    @Test
    void aHeartbeatTooSlowToSurviveTwoMissedRenewalsIsRefused() {
        assertThatThrownBy(() -> new LeaseTerms(Duration.ofSeconds(60), Duration.ofSeconds(30))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LeaseTerms(Duration.ofSeconds(60), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new LeaseTerms(Duration.ofSeconds(60), Duration.ofSeconds(20)).heartbeat()).isEqualTo(Duration.ofSeconds(20));
    }
}
