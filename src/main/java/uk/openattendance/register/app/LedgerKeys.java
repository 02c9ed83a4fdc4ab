package uk.openattendance.register.app;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.openattendance.register.domain.HistoryChain;

/**
 * The ledger's secrets, from configuration only (never the database, or whoever can write to it could re-link a
 * rewritten history or forge a seal). Read when the service starts: a production service without them refuses to
 * start and says which setting is missing, instead of writing a history nobody can prove.
 */
@Context
public class LedgerKeys {
    private static final int MIN_KEY_BYTES = 32;

    private final HistoryChain.Keyring keyring;
    private final KeyPair seal;
    private final String sealKeyId;

    public LedgerKeys(@Value("${attendance.ledger.keys:}") String keys, @Value("${attendance.ledger.current-key-id:}") String currentKeyId,
            @Value("${attendance.ledger.legacy-until:}") String legacyUntil, @Value("${attendance.ledger.seal-private-key:}") String sealPrivateKey) {
        Map<String, byte[]> parsed = parseKeys(keys);
        String current = currentKeyId == null || currentKeyId.isBlank() ? parsed.keySet().stream().reduce((a, b) -> b).orElseThrow() : currentKeyId.trim();
        if (!parsed.containsKey(current)) {
            throw new ConfigurationException("LEDGER_CURRENT_KEY_ID (attendance.ledger.current-key-id) is " + current + ", which is not among the ids in "
                    + "LEDGER_KEYS: " + parsed.keySet());
        }
        Instant until;
        try {
            until = legacyUntil == null || legacyUntil.isBlank() ? null : Instant.parse(legacyUntil.trim());
        } catch (RuntimeException e) {
            throw new ConfigurationException("LEDGER_LEGACY_UNTIL (attendance.ledger.legacy-until) must be an ISO instant such as 2026-12-01T00:00:00Z");
        }
        this.keyring = new HistoryChain.Keyring(parsed, current, until);
        this.seal = sealKeyPair(sealPrivateKey);
        this.sealKeyId = keyIdOf(seal.getPublic());
    }

    public HistoryChain.Keyring keyring() {
        return keyring;
    }

    PrivateKey sealPrivateKey() {
        return seal.getPrivate();
    }

    public PublicKey sealPublicKey() {
        return seal.getPublic();
    }

    public String sealKeyId() {
        return sealKeyId;
    }

    private static Map<String, byte[]> parseKeys(String keys) {
        if (keys == null || keys.isBlank()) {
            throw new ConfigurationException("LEDGER_KEYS (attendance.ledger.keys) is not set: the mark history is keyed with HMAC keys kept outside the "
                    + "database. Set it to keyId:base64-secret[,keyId:base64-secret...] with secrets of at least " + MIN_KEY_BYTES
                    + " bytes, e.g. LEDGER_KEYS=\"k2026:$(openssl rand -base64 32)\"");
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String part : keys.split(",")) {
            String p = part.trim();
            int colon = p.indexOf(':');
            if (colon <= 0) {
                throw new ConfigurationException("LEDGER_KEYS (attendance.ledger.keys): each key is keyId:base64-secret; found one without an id");
            }
            String id = p.substring(0, colon).trim();
            if (!id.matches("[A-Za-z0-9._-]{1,40}")) {
                throw new ConfigurationException("LEDGER_KEYS (attendance.ledger.keys): key id " + id + " must be 1-40 letters, digits, '.', '_' or '-'");
            }
            byte[] secret;
            try {
                secret = Base64.getDecoder().decode(p.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("LEDGER_KEYS (attendance.ledger.keys): the secret of key " + id + " is not base64");
            }
            if (secret.length < MIN_KEY_BYTES) {
                throw new ConfigurationException("LEDGER_KEYS (attendance.ledger.keys): the secret of key " + id + " has " + secret.length
                        + " bytes; at least " + MIN_KEY_BYTES + " are needed");
            }
            out.put(id, secret);
        }
        return out;
    }

    /** The private key as PKCS#8 (base64 DER or PEM, as {@code openssl genpkey -algorithm ed25519} writes it); the public key is derived from it. */
    private static KeyPair sealKeyPair(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new ConfigurationException("LEDGER_SEAL_PRIVATE_KEY (attendance.ledger.seal-private-key) is not set: the daily ledger seals are signed "
                    + "with an Ed25519 key kept outside the database. Set it to the base64 PKCS#8 key, e.g. "
                    + "LEDGER_SEAL_PRIVATE_KEY=\"$(openssl genpkey -algorithm ed25519 -outform DER | base64 -w0)\"");
        }
        String b64 = configured.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(b64);
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            // the JDK cannot derive an Ed25519 public key from a private one directly; a generator fed the same 32-byte seed makes the same pair
            byte[] seed = Arrays.copyOfRange(der, der.length - 32, der.length);
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
                }
            });
            KeyPair pair = g.generateKeyPair();
            if (!Arrays.equals(pair.getPrivate().getEncoded(), key.getEncoded())) {
                throw new ConfigurationException("LEDGER_SEAL_PRIVATE_KEY (attendance.ledger.seal-private-key): not a plain Ed25519 PKCS#8 key");
            }
            return pair;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConfigurationException("LEDGER_SEAL_PRIVATE_KEY (attendance.ledger.seal-private-key) is not a base64 Ed25519 PKCS#8 private key: "
                    + e.getMessage());
        }
    }

    static String keyIdOf(PublicKey key) {
        try {
            return "ed25519-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
