package io.cmohub.model.value;

/**
 * GS1 AI encodable character set 82 (GS1 General Specifications, figure 7.11-1), the set allowed in
 * AI (10) batch/lot and AI (21) serial number: digits, upper and lower case letters and
 * {@code !"%&'()*+,-./:;<=>?_}.
 */
final class Gs1CharacterSet {
    private static final String SPECIALS = "!\"%&'()*+,-./:;<=>?_";

    private Gs1CharacterSet() {
    }

    static boolean isSet82(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || SPECIALS.indexOf(c) >= 0;
    }

    /** Checks length 1..maxLength and the character set; returns the value unchanged. */
    static String require(String kind, String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException(kind + " is empty; it must have 1 to " + maxLength + " characters");
        }
        if (value.length() > maxLength) {
            throw new InvalidValueException(kind + " '" + value + "' is " + value.length()
                    + " characters long; at most " + maxLength + " are allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isSet82(c)) {
                throw new InvalidValueException(kind + " '" + printable(value) + "' has character " + describe(c) + " at position "
                        + (i + 1) + ", outside the GS1 AI character set 82");
            }
        }
        return value;
    }

    private static String describe(char c) {
        return c < 0x20 || c == 0x7f ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    private static String printable(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.chars().forEach(c -> out.append(c < 0x20 || c == 0x7f ? '?' : (char) c));
        return out.toString();
    }
}
