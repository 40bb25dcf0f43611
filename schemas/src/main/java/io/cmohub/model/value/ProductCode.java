package io.cmohub.model.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The EMVS product code: a 14-digit GTIN (GS1 check digit) or a 12-character PPN (IFA, "11" + PZN +
 * two mod-97 check digits). The scheme follows from the form, so the canonical representation is
 * the bare code.
 */
public record ProductCode(String value) {

    public enum Scheme { GTIN, PPN }

    public ProductCode {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException("product code is empty; expected a 14-digit GTIN or a 12-character PPN");
        }
        if (value.length() == 14) {
            Gs1CheckDigit.require("GTIN", value, 14);
        } else if (value.length() == 12 && value.startsWith("11")) {
            requirePpn(value);
        } else {
            throw new InvalidValueException("product code '" + value + "' is neither a 14-digit GTIN nor a 12-character PPN starting with 11");
        }
    }

    @JsonCreator
    public static ProductCode of(String value) {
        return new ProductCode(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    public Scheme scheme() {
        return value.length() == 14 ? Scheme.GTIN : Scheme.PPN;
    }

    /**
     * Reads a product code as ERP and MES exports write it: a PPN, a GTIN-14, or a GTIN-8/12/13
     * left-padded with zeros to 14 digits (GS1's own rule for AI (01)). A 12-character code starting
     * with "11" whose PPN check digits hold is a PPN, not a UPC-A.
     */
    public static ProductCode parse(String value) {
        if (value != null && value.length() == 12 && value.startsWith("11") && isValidPpn(value)) {
            return new ProductCode(value);
        }
        if (value != null && (value.length() == 8 || value.length() == 12 || value.length() == 13)) {
            return new ProductCode("0".repeat(14 - value.length()) + value);
        }
        return new ProductCode(value);
    }

    private static boolean isValidPpn(String value) {
        try {
            requirePpn(value);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    private static void requirePpn(String ppn) {
        for (int i = 2; i < 10; i++) {
            char c = ppn.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
                throw new InvalidValueException("PPN '" + ppn + "' has character '" + c + "' at position " + (i + 1) + "; only 0-9 and A-Z are allowed");
            }
        }
        if (!Character.isDigit(ppn.charAt(10)) || !Character.isDigit(ppn.charAt(11))) {
            throw new InvalidValueException("PPN '" + ppn + "' must end with two check digits");
        }
        // IFA PPN: sum of (ASCII code x weight), weights 2,3,4,... from the left, modulo 97.
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += ppn.charAt(i) * (i + 2);
        }
        int expected = sum % 97;
        int actual = Integer.parseInt(ppn.substring(10));
        if (expected != actual) {
            throw new InvalidValueException(String.format("PPN %s has wrong check digits: expected %02d, found %02d", ppn, expected, actual));
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
