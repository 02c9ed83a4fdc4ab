package uk.openattendance.platform.secrets;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets the service must be able to use again later (a parent's one-time code until the dispatcher sends it, a
 * webhook signing secret) are kept only sealed: AES-256-GCM under a key from configuration ({@code SECRETS_KEY}), never
 * from the database, so a copy of the database, a backup or a reader with SELECT rights learns nothing. Secrets that
 * need only be checked (one-time codes) are kept as a keyed hash under a second key derived from the same setting, so
 * the 10^6 possible codes cannot be tried offline against a stolen row.
 *
 * <p>A sealed value is {@code sb1.<key id>:<base64url(nonce | ciphertext | tag)>}; the key id lets the key be rotated:
 * set the new key as {@code SECRETS_KEY} and the old one in {@code SECRETS_PREVIOUS_KEYS} until what was sealed under it
 * has expired or been sealed again. {@code context} is bound into the tag (AAD), so a sealed value copied into another
 * kind of field does not open. Created at start-up ({@link Context}) so a missing or short key stops the service
 * with a clear message instead of failing the first sign-in.
 */
@Context
public class SecretBox {
    public static final String PREFIX = "sb1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Keys(String id, SecretKeySpec seal, SecretKeySpec hash) {}

    private final Keys current;
    private final Map<String, Keys> all = new LinkedHashMap<>();

    public SecretBox(@Value("${attendance.secrets.key:}") String key, @Value("${attendance.secrets.previous-keys:}") String previousKeys) {
        current = derive(key, "attendance.secrets.key (SECRETS_KEY)");
        all.put(current.id(), current);
        for (String old : previousKeys == null ? new String[0] : previousKeys.split(",")) {
            if (!old.isBlank()) {
                Keys k = derive(old.strip(), "attendance.secrets.previous-keys (SECRETS_PREVIOUS_KEYS)");
                all.putIfAbsent(k.id(), k);
            }
        }
    }

    /** Seals a secret for storage; each call gives a different value for the same secret. */
    public String seal(String clear, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current.seal(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + current.id() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** Opens what {@link #seal} made under the current or a previous key; throws {@link Unavailable} otherwise. */
    public String open(String sealed, String context) {
        if (!isSealed(sealed)) {
            throw new Unavailable("not a sealed value");
        }
        int colon = sealed.indexOf(':');
        Keys keys = colon < 0 ? null : all.get(sealed.substring(PREFIX.length(), colon));
        if (keys == null) {
            throw new Unavailable("sealed under a key this service does not have (was SECRETS_KEY changed without SECRETS_PREVIOUS_KEYS?)");
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealed.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.seal(), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new Unavailable("the sealed value does not open: altered, or sealed for another use");
        }
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** A keyed hash (hex HMAC-SHA256 under the current key) of the parts, for secrets that are only ever compared. */
    public String keyedHash(String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(current.hash());
            return HexFormat.of().formatHex(mac.doFinal(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** A sealed value that cannot be opened here: the caller treats the secret as gone. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String why) {
            super(why);
        }
    }

    private static Keys derive(String key, String setting) {
        if (key == null || key.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException(setting + " must be set to at least 32 bytes (e.g. `openssl rand -hex 32`), the same on every replica "
                    + "and kept out of the database: it seals parents' one-time codes and webhook secrets");
        }
        byte[] master = key.getBytes(StandardCharsets.UTF_8);
        byte[] seal = hmac(master, "attendance seal v1");
        byte[] hash = hmac(master, "attendance keyed hash v1");
        String id = HexFormat.of().formatHex(Arrays.copyOf(hmac(master, "attendance key id v1"), 4));
        return new Keys(id, new SecretKeySpec(seal, "AES"), new SecretKeySpec(hash, "HmacSHA256"));
    }

    private static byte[] hmac(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
