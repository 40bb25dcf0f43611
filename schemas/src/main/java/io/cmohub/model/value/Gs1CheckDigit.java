package io.cmohub.model.value;

/**
 * The GS1 modulo-10 check digit shared by GTIN, GLN and SSCC (GS1 General Specifications 7.9).
 * Public for connectors that build keys from forms without one (an EPC URN carries no check digit).
 */
public final class Gs1CheckDigit {
    private Gs1CheckDigit() {
    }

    /** Computes the check digit for all digits of {@code payload} (the key without its last digit). */
    public static int compute(CharSequence payload) {
        int sum = 0;
        // Weights alternate 3,1,3,... starting from the rightmost payload digit.
        for (int i = payload.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (payload.charAt(i) - '0') * weight;
        }
        return (10 - sum % 10) % 10;
    }

    /**
     * Checks a complete all-digit GS1 key of the given length and returns it unchanged.
     *
     * @param kind the key's name for the reason text, e.g. "GTIN"
     */
    static String require(String kind, String value, int length) {
        if (value == null) {
            throw new InvalidValueException(kind + " is missing");
        }
        if (value.length() != length || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidValueException(kind + " must be exactly " + length + " digits, got '" + value + "'");
        }
        int expected = compute(value.subSequence(0, length - 1));
        int actual = value.charAt(length - 1) - '0';
        if (expected != actual) {
            throw new InvalidValueException(kind + " " + value + " has a wrong check digit: expected " + expected + ", found " + actual);
        }
        return value;
    }
}
