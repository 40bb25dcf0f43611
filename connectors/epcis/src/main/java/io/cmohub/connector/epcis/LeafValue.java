package io.cmohub.connector.epcis;

import io.cmohub.model.value.InvalidValueException;
import java.math.BigDecimal;
import java.time.DateTimeException;

/**
 * The form a field value takes in the event hash, so that notations that mean the same thing hash
 * the same: XML "200" and JSON 200.0, "2005-04-04T20:33:31.116-06:00" and "...21:33:31.116-05:00",
 * "urn:epcglobal:cbv:bizstep:receiving" and "receiving", an EPC URN and its GS1 Digital Link.
 */
final class LeafValue {
    /** CBV vocabulary prefixes in their URN, Web URI and compact forms; the bare term is what remains. */
    private static final String[] VOCABULARY_PREFIXES = {
        "urn:epcglobal:cbv:bizstep:", "urn:epcglobal:cbv:disp:", "urn:epcglobal:cbv:btt:", "urn:epcglobal:cbv:sdt:", "urn:epcglobal:cbv:er:",
        "https://ref.gs1.org/cbv/BizStep-", "https://ref.gs1.org/cbv/Disp-", "https://ref.gs1.org/cbv/BTT-", "https://ref.gs1.org/cbv/SDT-",
        "https://ref.gs1.org/cbv/ER-", "cbv:BizStep-", "cbv:Disp-", "cbv:BTT-", "cbv:SDT-", "cbv:ER-",
        // GS1 Web Vocabulary terms (sensor measurement types, alert types): JSON-LD often writes them bare
        "https://gs1.org/voc/", "gs1:",
    };

    private LeafValue() {
    }

    static String normalise(String raw) {
        String value = raw.strip();
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        if (first == 'u' || first == 'h' || first == 'c' || first == 'g') {
            for (String prefix : VOCABULARY_PREFIXES) {
                if (value.startsWith(prefix)) {
                    return value.substring(prefix.length());
                }
            }
            if (value.startsWith("urn:epc:") || value.startsWith("http")) {
                try {
                    return Identifier.parse(value).canonical();
                } catch (InvalidValueException e) {
                    return value;
                }
            }
            return value;
        }
        if (EpcisTimestamp.looksLikeDateTime(value)) {
            try {
                return EpcisTimestamp.utcMillis(EpcisTimestamp.parse("value", value));
            } catch (InvalidValueException | DateTimeException e) {
                return value;
            }
        }
        if (looksNumeric(value)) {
            try {
                // scientific form, not toPlainString: "1e999999999" must not become a billion digits
                return new BigDecimal(value).stripTrailingZeros().toString();
            } catch (NumberFormatException | ArithmeticException e) {
                return value;
            }
        }
        return value;
    }

    static boolean looksNumeric(String value) {
        int n = value.length();
        if (n == 0 || n > 100) {
            return false;
        }
        int i = 0;
        if (value.charAt(0) == '+' || value.charAt(0) == '-') {
            i++;
        }
        boolean digits = false;
        boolean dot = false;
        for (; i < n; i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else if ((c == 'e' || c == 'E') && digits && i + 1 < n) {
                int j = i + 1;
                if (value.charAt(j) == '+' || value.charAt(j) == '-') {
                    j++;
                }
                if (j >= n) {
                    return false;
                }
                for (; j < n; j++) {
                    if (!Character.isDigit(value.charAt(j))) {
                        return false;
                    }
                }
                return true;
            } else {
                return false;
            }
        }
        return digits;
    }
}
