package io.cmohub.connector.mapping.convert;

/**
 * PZN → PPN as IFA defines it for German packs: "11" + the 8-digit PZN + two check digits, the
 * sum of each character's ASCII code times its position weight (2, 3, 4, ...) modulo 97.
 */
final class PznToPpn {
    private PznToPpn() {
    }

    static String convert(String pzn) {
        String digits = pzn.length() == 7 ? "0" + pzn : pzn;
        if (digits.length() != 8 || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("PZN '" + pzn + "' must be 7 or 8 digits");
        }
        if (!pznCheckDigitHolds(digits)) {
            throw new IllegalArgumentException("PZN '" + pzn + "' has a wrong check digit");
        }
        String body = "11" + digits;
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += body.charAt(i) * (i + 2);
        }
        return body + String.format("%02d", sum % 97);
    }

    /** PZN-8: digits 1-7 weighted 1..7, sum modulo 11 is the 8th digit (10 is never issued). */
    private static boolean pznCheckDigitHolds(String pzn) {
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (pzn.charAt(i) - '0') * (i + 1);
        }
        return sum % 11 == pzn.charAt(7) - '0';
    }
}
