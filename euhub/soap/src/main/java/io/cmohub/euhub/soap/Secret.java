package io.cmohub.euhub.soap;

import java.util.Arrays;
import java.util.Objects;

/**
 * A password that does not print itself: records holding one (the settings) can be logged as a
 * whole without leaking it. {@link #reveal()} is for the one place that opens the key store.
 */
public final class Secret {
    private final char[] value;

    private Secret(char[] value) {
        this.value = value.clone();
    }

    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "secret").toCharArray());
    }

    public static Secret of(char[] value) {
        return new Secret(Objects.requireNonNull(value, "secret"));
    }

    /** A copy of the secret, for the code that opens a key store; clear it after use. */
    public char[] reveal() {
        return value.clone();
    }

    @Override
    public String toString() {
        return "******";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }
}
