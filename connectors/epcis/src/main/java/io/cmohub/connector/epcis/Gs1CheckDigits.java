package io.cmohub.connector.epcis;

/**
 * The GS1 modulo-10 check digit. The canonical model checks complete keys itself; an EPC URN carries
 * no check digit, so building the GTIN, SSCC or GLN from one needs the digit computed here.
 */
final class Gs1CheckDigits {
    private Gs1CheckDigits() {
    }

    /** The check digit for {@code payload} (the key without its last digit), as a character. */
    static char compute(CharSequence payload) {
        int sum = 0;
        for (int i = payload.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (payload.charAt(i) - '0') * weight;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    static boolean allDigits(CharSequence s) {
        if (s.length() == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
