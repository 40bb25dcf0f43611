package io.cmohub.connector.epcis;

import java.math.BigDecimal;
import java.time.DateTimeException;
import io.cmohub.model.value.InvalidValueException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How CBV 2.0's event hash writes one value (GS1 reference: hash_generator's canonize_value and
 * timestamp fix): trimmed; CBV URNs as GS1 Web URIs; numbers without redundant zeros; GS1 keys as
 * canonical Digital Links. Timestamps are a separate rule because GS1 applies it by field name.
 */
final class Gs1CanonicalValue {
    private static final String CBV = "https://ref.gs1.org/cbv/";
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private static final int MAX_PLAIN_DIGITS = 1000;

    private Gs1CanonicalValue() {
    }

    /**
     * Recent results, per thread: the values of consecutive events repeat (business steps, read
     * points, locations, transaction types), and identifying a Digital Link takes regular expressions.
     */
    private static final ThreadLocal<Map<String, String>> RECENT = ThreadLocal.withInitial(() -> new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 512;
        }
    });

    /** The canonical text of a value; "" for an empty one (GS1 leaves empty values out). */
    static String of(String raw) {
        String text = raw.strip();
        if (text.isEmpty()) {
            return text;
        }
        if (text.length() > 256) {
            return canonical(text);
        }
        Map<String, String> recent = RECENT.get();
        String known = recent.get(text);
        if (known == null) {
            known = canonical(text);
            recent.put(text, known);
        }
        return known;
    }

    private static String canonical(String value) {
        String text = webVocabulary(value);
        text = number(text);
        String link = Gs1DigitalLink.normalise(text);
        return link != null ? link : text;
    }

    /**
     * A time field in UTC with exactly three decimals, rounded half up. GS1's reference leaves a text
     * it cannot read as written; a date-time without offset is one (its instant is unknown).
     */
    static String time(String raw) {
        String text = raw.strip();
        try {
            return EpcisTimestamp.utcMillis(EpcisTimestamp.parse("time", text));
        } catch (InvalidValueException | DateTimeException e) {
            return text;
        }
    }

    /** GS1 renames the CBV URN vocabularies wherever they occur in a value (a plain text replacement, as the reference does). */
    private static String webVocabulary(String text) {
        if (!text.contains("urn:epcglobal:cbv:")) {
            return text;
        }
        return text.replace("urn:epcglobal:cbv:bizstep:", CBV + "BizStep-")
                .replace("urn:epcglobal:cbv:disp:", CBV + "Disp-")
                .replace("urn:epcglobal:cbv:btt:", CBV + "BTT-")
                .replace("urn:epcglobal:cbv:sdt:", CBV + "SDT-")
                .replace("urn:epcglobal:cbv:er:", CBV + "ER-");
    }

    /**
     * Numbers as Python's Decimal writes them in GS1's reference: an integral value as an integer
     * ("5.0" → "5", but "1E+3" stays scientific because Decimal keeps a positive exponent), any other
     * without trailing zeros ("0.50" → "0.5"). Anything else is not a number and stays as it is.
     */
    static String number(String text) {
        if (!isNumber(text)) {
            return text;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return text; // "1e9999999999": an exponent beyond BigDecimal's range; kept as written
        }
        if (Math.abs((long) value.scale()) > MAX_PLAIN_DIGITS) {
            // "1e-999999999" is 12 characters; written out plainly it would be a billion
            return text;
        }
        if (value.scale() <= 0) {
            return zero(value, text) ? "-0" : value.toString();
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return zero(value, text) ? "-0" : value.setScale(0).toPlainString();
        }
        return stripped.toPlainString();
    }

    /** Whether the text is a decimal number (optionally signed, with fraction and exponent), as EPCIS quantities and sensor values are. */
    static boolean isNumber(String text) {
        if (text.isEmpty() || text.length() > 100) {
            return false;
        }
        char first = text.charAt(0);
        return (first >= '0' && first <= '9' || first == '+' || first == '-' || first == '.') && NUMBER.matcher(text).matches();
    }

    /** Decimal keeps the sign of a negative zero; BigDecimal has none. */
    private static boolean zero(BigDecimal value, String text) {
        return value.signum() == 0 && text.charAt(0) == '-';
    }
}
