package uk.openattendance.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretBoxTest {
    static final String KEY = "unit-test-secrets-key-0123456789abcdef";
    static final String NEXT = "unit-test-secrets-key-after-rotation-0123";

    @Test
    void aSealedSecretOpensOnlyForTheUseItWasSealedForAndNeverShowsInTheStoredValue() {
        SecretBox box = new SecretBox(KEY, "");
        String sealed = box.seal("Your code is 482913.", "outbox:7:ONE_TIME_CODE");
        assertThat(sealed).startsWith(SecretBox.PREFIX).doesNotContain("482913");
        assertThat(box.seal("Your code is 482913.", "outbox:7:ONE_TIME_CODE")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(box.open(sealed, "outbox:7:ONE_TIME_CODE")).isEqualTo("Your code is 482913.");
        assertThatThrownBy(() -> box.open(sealed, "outbox:8:ONE_TIME_CODE")).isInstanceOf(SecretBox.Unavailable.class);
        String altered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");
        assertThatThrownBy(() -> box.open(altered, "outbox:7:ONE_TIME_CODE")).isInstanceOf(SecretBox.Unavailable.class);
    }

    @Test
    void aRotatedKeyStillOpensWhatTheOldKeySealedWhileItIsListedAsPrevious() {
        String sealed = new SecretBox(KEY, "").seal("whsec_0123", "webhook-secret:3");
        assertThat(new SecretBox(NEXT, KEY).open(sealed, "webhook-secret:3")).isEqualTo("whsec_0123");
        assertThatThrownBy(() -> new SecretBox(NEXT, "").open(sealed, "webhook-secret:3")).isInstanceOf(SecretBox.Unavailable.class)
                .hasMessageContaining("SECRETS_PREVIOUS_KEYS");
    }

    @Test
    void theCodeHashIsKeyedSoADatabaseReaderCannotTryTheMillionCodes() {
        String a = new SecretBox(KEY, "").keyedHash("parent one-time code", "tok", "123456");
        assertThat(a).hasSize(64).isEqualTo(new SecretBox(KEY, "").keyedHash("parent one-time code", "tok", "123456"));
        assertThat(new SecretBox(NEXT, "").keyedHash("parent one-time code", "tok", "123456")).isNotEqualTo(a);
    }

    @Test
    void aMissingOrShortKeyStopsTheServiceWithAClearMessage() {
        assertThatThrownBy(() -> new SecretBox("", "")).isInstanceOf(IllegalStateException.class).hasMessageContaining("SECRETS_KEY");
        assertThatThrownBy(() -> new SecretBox("too-short", "")).hasMessageContaining("at least 32 bytes");
    }
}
