package io.cmohub.routes.partner;

/**
 * The one rule for every API key an operator configures (partners, the admin, alert sources, the EU Hub
 * call-back): long enough that guessing it is out of reach even without the rate limit. A random key
 * of 16 bytes written in hex is 32 characters; shorter than {@value #MIN_LENGTH} characters is refused
 * at start-up, naming the setting.
 */
public final class ApiKeyRule {
    public static final int MIN_LENGTH = 16;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private ApiKeyRule() {
    }

    /** {@code key} unless it is set and too short; {@code setting} names where it is configured. */
    public static String require(String setting, String key) {
        if (key != null && !key.isBlank() && key.strip().length() < MIN_LENGTH) {
            throw new IllegalArgumentException(setting + " is " + key.strip().length() + " characters long; API keys need at least " + MIN_LENGTH
                    + " (e.g. openssl rand -hex 16)");
        }
        return key;
    }

    /** A new key the hub hands out (the admin key, a partner's key): 24 random bytes in hex, 48 characters. */
    public static String generate() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
    }
}
