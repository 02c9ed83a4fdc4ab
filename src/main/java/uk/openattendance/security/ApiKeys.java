package uk.openattendance.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * API keys look like {@code oa_<12-char prefix>_<secret>}. The prefix finds the row; only a SHA-256 of the whole key is
 * stored. A fast hash is enough here because the key has 192 random bits, unlike a password.
 */
public final class ApiKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    public record Parsed(String prefix, String key) {}

    private ApiKeys() {}

    public static String generate() {
        return "oa_" + random(12) + "_" + random(40);
    }

    public static Optional<Parsed> parse(String key) {
        if (key == null || !key.matches("oa_[a-z0-9]{12}_[a-z0-9]{40}")) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(key.substring(3, 15), key));
    }

    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
