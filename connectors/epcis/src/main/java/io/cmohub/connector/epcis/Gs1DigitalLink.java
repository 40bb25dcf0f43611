package io.cmohub.connector.epcis;

import io.cmohub.model.value.EpcIdentifier;
import io.cmohub.model.value.Gs1CheckDigit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "constrained canonical GS1 Digital Link" that CBV 2.0's event hash compares identifiers in:
 * EPC URNs (instance, class and pattern), and Digital Links on any host, become
 * {@code https://id.gs1.org/<AI>/<key>...} at their finest level of identification, without
 * query string or CPV. This follows GS1's reference implementation (epcis-event-hash-generator,
 * dl_normaliser) rule for rule, including its leniency: a text it does not recognise, or a Digital
 * Link whose result would not be valid, has no canonical form ({@code null}) and is hashed as written.
 *
 * <p>Unlike {@link EpcIdentifier} this never throws and checks no check digits: the hash must describe
 * whatever the event says, and rejecting bad keys is the assembler's business.
 */
final class Gs1DigitalLink {
    private static final String DL = "https://id.gs1.org/";
    private static final int MAX_LENGTH = 2048;
    /** One character of an EPC URN's alphanumeric part: GS1 AI character set 82 with URN escapes. */
    private static final String URN_CHAR = "(?:%2[125-9A-Fa-f]|%3[0-9A-Fa-f]|%4[1-9A-Fa-f]|%5[0-9AaFf]|%6[1-9A-Fa-f]|%7[0-9Aa]|[!')(*+,.0-9:;=A-Za-z_-])";
    private static final String CPI_CHAR = "(?:%2[3dfDF]|%3[0-9]|%4[1-9A-Fa-f]|%5[0-9Aa]|[0-9A-Z-])";
    /** What GS1's check accepts in a Digital Link's alphanumeric values (no '%': an escaped value is left as written). */
    private static final String DL_CHAR = "[\"'\\-.0-9;<=>?A-Z_a-z]";

    private static final Pattern SGTIN = Pattern.compile("urn:epc:id:sgtin:(\\d{6,12})\\.(\\d{1,7})\\.(" + URN_CHAR + "{1,20})");
    private static final Pattern SSCC = Pattern.compile("urn:epc:id:sscc:(\\d{6,12})\\.(\\d{5,11})");
    private static final Pattern SGLN = Pattern.compile("urn:epc:id:sgln:(\\d{6,12})\\.(\\d{0,6})\\.(" + URN_CHAR + "{1,20})");
    private static final Pattern GRAI = Pattern.compile("urn:epc:id:grai:(\\d{6,12})\\.(\\d{0,6})\\.(" + URN_CHAR + "{1,16})");
    private static final Pattern GIAI = Pattern.compile("urn:epc:id:giai:(\\d{6,12})\\.(" + URN_CHAR + "{1,24})");
    private static final Pattern GSRN = Pattern.compile("urn:epc:id:gsrn:(\\d{6,12})\\.(\\d{5,11})");
    private static final Pattern GSRNP = Pattern.compile("urn:epc:id:gsrnp:(\\d{6,12})\\.(\\d{5,11})");
    private static final Pattern GDTI = Pattern.compile("urn:epc:id:gdti:(\\d{6,12})\\.(\\d{0,6})(" + URN_CHAR + "{1,20})");
    private static final Pattern CPI = Pattern.compile("urn:epc:id:cpi:(\\d{6,12})\\.(" + CPI_CHAR + "{1,24})\\.(\\d{1,12})");
    private static final Pattern SGCN = Pattern.compile("urn:epc:id:sgcn:(\\d{6,12})\\.(\\d{0,6})\\.(\\d{1,12})");
    private static final Pattern GINC = Pattern.compile("urn:epc:id:ginc:(\\d{6,12})\\.(" + URN_CHAR + "{1,24})");
    private static final Pattern GSIN = Pattern.compile("urn:epc:id:gsin:(\\d{6,12})\\.(\\d{4,10})");
    private static final Pattern ITIP = Pattern.compile("urn:epc:id:itip:(\\d{6,12})\\.(\\d{1,7})\\.(\\d{2})\\.(\\d{2})\\.(" + URN_CHAR + "{1,20})");
    private static final Pattern UPUI = Pattern.compile("urn:epc:id:upui:(\\d{6,12})\\.(\\d{1,7})\\.(" + URN_CHAR + "{1,28})");
    private static final Pattern PGLN = Pattern.compile("urn:epc:id:pgln:(\\d{6,12})\\.(\\d{0,6})");
    private static final Pattern LGTIN = Pattern.compile("urn:epc:class:lgtin:(\\d{6,12})\\.(\\d{1,7})\\.(" + URN_CHAR + "{1,20})");
    private static final Pattern SGTIN_PATTERN = Pattern.compile("urn:epc:idpat:(?:sgtin|upui):(\\d{6,12})\\.(\\d{1,7})\\.\\*");
    private static final Pattern GRAI_PATTERN = Pattern.compile("urn:epc:idpat:grai:(\\d{6,12})\\.(\\d{0,6})\\.\\*");
    private static final Pattern GDTI_PATTERN = Pattern.compile("urn:epc:idpat:gdti:(\\d{6,12})\\.(\\d{0,6})\\.\\*");
    private static final Pattern SGCN_PATTERN = Pattern.compile("urn:epc:idpat:sgcn:(\\d{6,12})\\.(\\d{0,6})\\.\\*");
    private static final Pattern CPI_PATTERN = Pattern.compile("urn:epc:idpat:cpi:(\\d{6,12})\\.(" + CPI_CHAR + "{1,24})\\.\\*");
    private static final Pattern ITIP_PATTERN = Pattern.compile("urn:epc:idpat:itip:(\\d{6,12})\\.(\\d{1,7})\\.(\\d{2})\\.(\\d{2})\\.\\*");

    /** A URI that names a GS1 key somewhere in its path (GS1 tests only that it starts so; the rest is checked at the end). */
    private static final Pattern DIGITAL_LINK = Pattern.compile(
            "https?:(//[^/?#]*)?[^?#]*/(01|gtin|8006|itip|8010|cpid|414|gln|417|party|8017|gsrnp|8018|gsrn|255|gcn|00|sscc|253|gdti|401|ginc"
                    + "|402|gsin|8003|grai|8004|giai)/\\d{4}[^/]+.*", Pattern.DOTALL);
    private static final Pattern ON_ID_GS1 = Pattern.compile(
            "https://id.gs1.org/(01|8006|8010|414|417|8017|8018|255|00|253|401|402|8003|8004)/\\d{4}.*", Pattern.DOTALL);
    private static final Map<String, String> SHORT_NAMES = Map.ofEntries(Map.entry("gtin", "01"), Map.entry("itip", "8006"),
            Map.entry("cpid", "8010"), Map.entry("gln", "414"), Map.entry("party", "417"), Map.entry("gsrnp", "8017"),
            Map.entry("gsrn", "8018"), Map.entry("gcn", "255"), Map.entry("sscc", "00"), Map.entry("gdti", "253"),
            Map.entry("ginc", "401"), Map.entry("gsin", "402"), Map.entry("grai", "8003"), Map.entry("giai", "8004"),
            Map.entry("cpv", "22"), Map.entry("lot", "10"), Map.entry("ser", "21"));
    /** The order in which GS1 looks for the primary key when the host is not id.gs1.org. */
    private static final List<String> KEY_SEARCH = List.of("00", "01", "253", "255", "401", "402", "414", "417", "8003", "8004", "8006",
            "8010", "8017", "8018");
    private static final Pattern CPV = Pattern.compile("(https://id.gs1.org/(?:01/\\d{14}|8006/\\d{18}))/22/[^/]*(/.*)?");
    private static final Pattern LOT_AND_SERIAL = Pattern.compile("(https://id.gs1.org/(?:01/\\d{14}|8006/\\d{18}))/10/" + DL_CHAR
            + "{0,20}(/21/" + DL_CHAR + "{0,20})");
    private static final Pattern VALID = Pattern.compile("https://id.gs1.org/(?:"
            + "00/\\d{18}|01/\\d{14}(?:/21/" + DL_CHAR + "{0,20}|/10/" + DL_CHAR + "{0,20}|/235/" + DL_CHAR + "{0,28})?"
            + "|253/\\d{13}" + DL_CHAR + "{0,17}|255/\\d{13}\\d{0,12}|401/" + DL_CHAR + "{0,30}|402/\\d{17}"
            + "|414/\\d{13}(?:/254/" + DL_CHAR + "{0,20})?|417/\\d{13}|8003/\\d{14}" + DL_CHAR + "{0,16}|8004/" + DL_CHAR + "{0,30}"
            + "|8006/\\d{18}(?:/21/" + DL_CHAR + "{0,20}|/10/" + DL_CHAR + "{0,20})?"
            + "|8010/[#\\-/0-9A-Z]{0,30}(?:/8011/\\d{0,12})?|8017/\\d{18}|8018/\\d{18})");

    private Gs1DigitalLink() {
    }

    /** The canonical Digital Link of {@code uri} (already trimmed), or null when it names no GS1 key GS1's rules recognise. */
    static String normalise(String uri) {
        if (uri.length() > MAX_LENGTH) {
            return null; // no GS1 key is this long, and the patterns below take time quadratic in the length on a miss
        }
        if (uri.indexOf('.') < 0) {
            return null; // neither an EPC URN nor a URI with a host
        }
        if (uri.startsWith("urn:epc:")) {
            return fromUrn(uri);
        }
        return DIGITAL_LINK.matcher(uri).matches() ? fromDigitalLink(uri) : null;
    }

    /**
     * One rule per scheme, chosen by the scheme's name: a value is matched against its own scheme's
     * pattern only (read points, parents and sources are URNs in nearly every event).
     */
    private static String fromUrn(String uri) {
        if (uri.startsWith("urn:epc:class:lgtin:")) {
            Matcher m = LGTIN.matcher(uri);
            return m.matches() && total(m, 13) ? DL + "01/" + gtin(m) + "/10/" + escape(m.group(3)) : null;
        }
        if (!uri.startsWith("urn:epc:id:")) {
            return fromUrnPattern(uri);
        }
        int colon = uri.indexOf(':', 11);
        if (colon < 0) {
            return null;
        }
        Matcher m;
        switch (uri.substring(11, colon)) {
            case "sgtin" -> {
                if ((m = SGTIN.matcher(uri)).matches() && total(m, 13)) {
                    return DL + "01/" + gtin(m) + "/21/" + escape(m.group(3));
                }
            }
            case "sscc" -> {
                if ((m = SSCC.matcher(uri)).matches() && total(m, 17)) {
                    String payload = m.group(2).charAt(0) + m.group(1) + m.group(2).substring(1);
                    return DL + "00/" + checked(payload);
                }
            }
            case "sgln" -> {
                if ((m = SGLN.matcher(uri)).matches() && total(m, 12)) {
                    String extension = m.group(3);
                    return DL + "414/" + checked(m.group(1) + m.group(2)) + (extension.equals("0") ? "" : "/254/" + escape(extension));
                }
            }
            case "grai" -> {
                if ((m = GRAI.matcher(uri)).matches() && total(m, 12)) {
                    return DL + "8003/" + checked("0" + m.group(1) + m.group(2)) + escape(m.group(3));
                }
            }
            case "giai" -> {
                if ((m = GIAI.matcher(uri)).matches() && m.group(1).length() + m.group(2).length() <= 30) {
                    return DL + "8004/" + m.group(1) + escape(m.group(2));
                }
            }
            case "gsrn" -> {
                if ((m = GSRN.matcher(uri)).matches() && total(m, 17)) {
                    return DL + "8018/" + checked(m.group(1) + m.group(2));
                }
            }
            case "gsrnp" -> {
                if ((m = GSRNP.matcher(uri)).matches() && total(m, 17)) {
                    return DL + "8017/" + checked(m.group(1) + m.group(2));
                }
            }
            case "gdti" -> {
                if ((m = GDTI.matcher(uri)).matches() && total(m, 12) && m.group(3).startsWith(".")) {
                    return DL + "253/" + checked(m.group(1) + m.group(2)) + escape(m.group(3).substring(1));
                }
            }
            case "cpi" -> {
                if ((m = CPI.matcher(uri)).matches() && m.group(1).length() + m.group(2).length() <= 30) {
                    return DL + "8010/" + escape(m.group(1) + m.group(2)) + "/8011/" + m.group(3);
                }
            }
            case "sgcn" -> {
                if ((m = SGCN.matcher(uri)).matches() && total(m, 12)) {
                    return DL + "255/" + checked(m.group(1) + m.group(2)) + m.group(3);
                }
            }
            case "ginc" -> {
                if ((m = GINC.matcher(uri)).matches() && m.group(1).length() + m.group(2).length() <= 30) {
                    return DL + "401/" + m.group(1) + escape(m.group(2));
                }
            }
            case "gsin" -> {
                if ((m = GSIN.matcher(uri)).matches() && total(m, 16)) {
                    return DL + "402/" + checked(m.group(1) + m.group(2));
                }
            }
            case "itip" -> {
                if ((m = ITIP.matcher(uri)).matches() && total(m, 13)) {
                    return DL + "8006/" + gtin(m) + m.group(3) + m.group(4) + "/21/" + escape(m.group(5));
                }
            }
            case "upui" -> {
                if ((m = UPUI.matcher(uri)).matches() && total(m, 13)) {
                    return DL + "01/" + gtin(m) + "/235/" + escape(m.group(3));
                }
            }
            case "pgln" -> {
                if ((m = PGLN.matcher(uri)).matches() && total(m, 12)) {
                    return DL + "417/" + checked(m.group(1) + m.group(2));
                }
            }
            default -> {
                // a scheme GS1's rules do not convert
            }
        }
        return null;
    }

    private static String fromUrnPattern(String uri) {
        Matcher m;
        if ((m = SGTIN_PATTERN.matcher(uri)).matches() && total(m, 13)) {
            return DL + "01/" + gtin(m);
        }
        if ((m = GRAI_PATTERN.matcher(uri)).matches() && total(m, 12)) {
            return DL + "8003/" + checked("0" + m.group(1) + m.group(2));
        }
        if ((m = GDTI_PATTERN.matcher(uri)).matches() && total(m, 12)) {
            return DL + "253/" + checked(m.group(1) + m.group(2));
        }
        if ((m = SGCN_PATTERN.matcher(uri)).matches() && total(m, 12)) {
            return DL + "255/" + checked(m.group(1) + m.group(2));
        }
        if ((m = CPI_PATTERN.matcher(uri)).matches() && m.group(1).length() + m.group(2).length() <= 30) {
            return DL + "8010/" + escape(m.group(1) + m.group(2));
        }
        if ((m = ITIP_PATTERN.matcher(uri)).matches() && total(m, 13)) {
            return DL + "8006/" + gtin(m) + m.group(3) + m.group(4);
        }
        return null;
    }

    private static String fromDigitalLink(String link) {
        String uri = link;
        int query = uri.indexOf('?');
        if (query >= 0) {
            uri = uri.substring(0, query);
        }
        for (Map.Entry<String, String> shortName : SHORT_NAMES.entrySet()) {
            uri = uri.replace("/" + shortName.getKey() + "/", "/" + shortName.getValue() + "/");
        }
        if (!ON_ID_GS1.matcher(uri).matches()) {
            for (String ai : KEY_SEARCH) {
                int at = uri.indexOf("/" + ai + "/");
                if (at >= 0) {
                    uri = "https://id.gs1.org" + uri.substring(at);
                    break;
                }
            }
        }
        uri = padGtin(uri);
        Matcher cpv = CPV.matcher(uri);
        if (cpv.matches()) {
            uri = cpv.group(1) + (cpv.group(2) == null ? "" : cpv.group(2));
        }
        Matcher lotAndSerial = LOT_AND_SERIAL.matcher(uri);
        if (lotAndSerial.matches()) {
            uri = lotAndSerial.group(1) + lotAndSerial.group(2); // the finest level only: the serial
        }
        return VALID.matcher(uri).matches() ? uri : null;
    }

    /** GTIN-8, -12 and -13 written as the GTIN-14 they are. */
    private static String padGtin(String uri) {
        String prefix = DL + "01/";
        if (!uri.startsWith(prefix)) {
            return uri;
        }
        int digits = 0;
        while (prefix.length() + digits < uri.length() && Character.isDigit(uri.charAt(prefix.length() + digits)) && digits < 14) {
            digits++;
        }
        int pad = digits >= 14 ? 0 : digits == 13 ? 1 : digits == 12 ? 2 : digits >= 8 ? 6 : 0;
        return pad == 0 ? uri : prefix + "0".repeat(pad) + uri.substring(prefix.length());
    }

    /** Company prefix and reference together must have the key's fixed length. */
    private static boolean total(Matcher m, int length) {
        return m.group(1).length() + m.group(2).length() == length;
    }

    /** The GTIN of a URN whose groups 1 and 2 are company prefix and (indicator-led) item reference. */
    private static String gtin(Matcher m) {
        String itemReference = m.group(2);
        return checked(itemReference.charAt(0) + m.group(1) + itemReference.substring(1));
    }

    private static String checked(String payload) {
        return payload + Gs1CheckDigit.compute(payload);
    }

    /**
     * GS1's Digital Link escaping of a URN's alphanumeric part: the characters URNs write plainly but a
     * Digital Link path must escape. Escapes the URN already has stay as written.
     */
    static String escape(String urnPart) {
        StringBuilder out = null;
        for (int i = 0; i < urnPart.length(); i++) {
            char c = urnPart.charAt(i);
            String escaped = switch (c) {
                case '!' -> "%21";
                case '(' -> "%28";
                case ')' -> "%29";
                case '*' -> "%2A";
                case '+' -> "%2B";
                case ',' -> "%2C";
                case ':' -> "%3A";
                default -> null;
            };
            if (escaped != null && out == null) {
                out = new StringBuilder(urnPart.length() + 8).append(urnPart, 0, i);
            }
            if (out != null) {
                out.append(escaped != null ? escaped : String.valueOf(c));
            }
        }
        return out == null ? urnPart : out.toString();
    }
}
