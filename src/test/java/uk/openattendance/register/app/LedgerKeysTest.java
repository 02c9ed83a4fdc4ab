package uk.openattendance.register.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

/** The ledger's keys come from configuration; production has no default and refuses to start without them. */
class LedgerKeysTest {
    private static final String SEAL = "MC4CAQAwBQYDK2VwBCIEIMi3z2fsE1ofZcZwW0nIlDem1Twwc7TiGGz38m5pUNSq";
    private static final String KEY = "k2026:bsRaK4MAefXwhw7qTnNsTUGWbe7+gKKWhAVn1WkeQSQ=";

    private static LedgerKeys from(String env) {
        try (ApplicationContext ctx = ApplicationContext.builder().deduceEnvironment(false).environments(env).build()) {
            Environment e = ctx.getEnvironment();
            e.start();
            return new LedgerKeys(e.getProperty("attendance.ledger.keys", String.class).orElse(""),
                    e.getProperty("attendance.ledger.current-key-id", String.class).orElse(""),
                    e.getProperty("attendance.ledger.legacy-until", String.class).orElse(""),
                    e.getProperty("attendance.ledger.seal-private-key", String.class).orElse(""));
        }
    }

    @Test
    void productionRefusesToStartWithoutLedgerKeysAndNamesTheSetting() {
        assertThatThrownBy(() -> from("production-check")).isInstanceOf(ConfigurationException.class).hasMessageContaining("LEDGER_KEYS");
        assertThatThrownBy(() -> new LedgerKeys(KEY, "", "", "")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("LEDGER_SEAL_PRIVATE_KEY");
    }

    @Test
    void theEmbeddedDemoHasItsOwnDevelopmentKeys() {
        LedgerKeys demo = from("demo");
        assertThat(demo.keyring().currentKeyId()).isEqualTo("demo-2026");
        assertThat(demo.sealKeyId()).startsWith("ed25519-");
    }

    @Test
    void shortKeysUnknownCurrentIdsAndBadSealKeysAreRefusedWithTheSettingNamed() {
        assertThatThrownBy(() -> new LedgerKeys("k1:c2hvcnQ=", "", "", SEAL)).hasMessageContaining("LEDGER_KEYS").hasMessageContaining("at least 32");
        assertThatThrownBy(() -> new LedgerKeys(KEY, "k2030", "", SEAL)).hasMessageContaining("LEDGER_CURRENT_KEY_ID");
        assertThatThrownBy(() -> new LedgerKeys(KEY, "", "", "bm90IGEga2V5")).hasMessageContaining("LEDGER_SEAL_PRIVATE_KEY");
        assertThat(new LedgerKeys(KEY + ",k2027:lL3wHtD2CSFcaveKrtd9KSFk7MTQHM5J3naVAUhzbrw=", "", "", SEAL).keyring().currentKeyId())
                .as("the last listed key is current unless one is named").isEqualTo("k2027");
    }

    @Test
    void theSealPublicKeyIsDerivedFromThePrivateKeyAndChecksItsSignatures() throws Exception {
        LedgerKeys keys = new LedgerKeys(KEY, "", "", SEAL);
        var s = java.security.Signature.getInstance("Ed25519");
        s.initSign(keys.sealPrivateKey());
        s.update(new byte[] {1, 2, 3});
        byte[] sig = s.sign();
        var v = java.security.Signature.getInstance("Ed25519");
        v.initVerify(keys.sealPublicKey());
        v.update(new byte[] {1, 2, 3});
        assertThat(v.verify(sig)).isTrue();
    }
}
