package io.cmohub.model.value;


/**
 * An identifier as EPCIS and serialisation events write it (EPC URN, GS1 Digital Link URI, or
 * anything else), read into the GS1 key it denotes. Both GS1 notations of the same thing get the
 * same {@link #canonical} form (the GS1 Digital Link on id.gs1.org), which is what event hashes and
 * lifecycle checks compare, and the same GTIN and serial, which is what pack registries key on.
 * Identifiers of other schemes are kept as written: EPCIS allows them and so does the hub.
 *
 * @param kind      what the identifier names
 * @param canonical the comparison form: Digital Link for GS1 keys, the trimmed text otherwise
 * @param gtin      the 14-digit GTIN for SGTIN, LGTIN and GTIN patterns, else null
 * @param serial    the serial number of an SGTIN, decoded, else null
 * @param lot       the batch/lot of an LGTIN, else null
 * @param gln       the GLN of an SGLN or PGLN, else null
 */
public record EpcIdentifier(Kind kind, String canonical, String gtin, String serial, String lot, String gln) {

    /** What an identifier names. */
    public enum Kind { SGTIN, SSCC, SGLN, PGLN, LGTIN, GTIN_CLASS, OTHER_GS1, OTHER }

    private static final String DL = "https://id.gs1.org/";

    /**
     * Reads {@code raw}. A malformed GS1 identifier (a URN of a GS1 scheme that does not parse, a
     * Digital Link with a wrong check digit) throws {@link InvalidValueException} naming the rule;
     * anything that is not a GS1 identifier at all comes back as {@link Kind#OTHER}.
     */
    public static EpcIdentifier parse(String raw) {
        String value = raw.strip();
        if (value.startsWith("urn:epc:id:")) {
            return epcUrn(value, value.substring(11));
        }
        if (value.startsWith("urn:epc:class:lgtin:")) {
            String[] p = split(value, value.substring(20), 3, "company prefix, item reference and lot");
            String gtin = gtinFromUrn(value, p[0], p[1]);
            String lot = decode(p[2]);
            requireLot(value, lot);
            return new EpcIdentifier(Kind.LGTIN, DL + "01/" + gtin + "/10/" + encode(lot), gtin, null, lot, null);
        }
        if (value.startsWith("urn:epc:idpat:sgtin:")) {
            String[] p = split(value, value.substring(20), 3, "company prefix, item reference and *");
            return new EpcIdentifier(Kind.GTIN_CLASS, DL + "01/" + gtinFromUrn(value, p[0], p[1]), gtinFromUrn(value, p[0], p[1]), null, null, null);
        }
        if (value.startsWith("https://") || value.startsWith("http://")) {
            return digitalLink(value);
        }
        return new EpcIdentifier(Kind.OTHER, value, null, null, null, null);
    }

    private static EpcIdentifier epcUrn(String value, String rest) {
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw new InvalidValueException("EPC '" + value + "' has no scheme after urn:epc:id:");
        }
        String scheme = rest.substring(0, colon);
        String body = rest.substring(colon + 1);
        switch (scheme) {
            case "sgtin" -> {
                String[] p = split(value, body, 3, "company prefix, item reference and serial");
                String gtin = gtinFromUrn(value, p[0], p[1]);
                String serial = decode(p[2]);
                requireSerial(value, serial);
                return new EpcIdentifier(Kind.SGTIN, DL + "01/" + gtin + "/21/" + encode(serial), gtin, serial, null, null);
            }
            case "sscc" -> {
                String[] p = split(value, body, 2, "company prefix and serial reference");
                requireDigits(value, p[0], p[1], 17, "company prefix and serial reference");
                String payload = p[1].charAt(0) + p[0] + p[1].substring(1);
                return new EpcIdentifier(Kind.SSCC, DL + "00/" + payload + Gs1CheckDigit.compute(payload), null, null, null, null);
            }
            case "sgln" -> {
                String[] p = split(value, body, 3, "company prefix, location reference and extension");
                requireDigits(value, p[0], p[1], 12, "company prefix and location reference");
                String gln = p[0] + p[1] + Gs1CheckDigit.compute(p[0] + p[1]);
                String extension = decode(p[2]);
                requireExtension(value, extension);
                // GS1's rule: extension 0 means "no extension", so it has no AI 254 in the Digital Link.
                String canonical = DL + "414/" + gln + (extension.equals("0") ? "" : "/254/" + encode(extension));
                return new EpcIdentifier(Kind.SGLN, canonical, null, null, null, gln);
            }
            case "pgln" -> {
                String[] p = split(value, body, 2, "company prefix and party reference");
                requireDigits(value, p[0], p[1], 12, "company prefix and party reference");
                String gln = p[0] + p[1] + Gs1CheckDigit.compute(p[0] + p[1]);
                return new EpcIdentifier(Kind.PGLN, DL + "417/" + gln, null, null, null, gln);
            }
            default -> {
                // grai, giai, gdti, gsrn, ...: GS1 schemes the hub does not interpret; compared as written
                return new EpcIdentifier(Kind.OTHER_GS1, value, null, null, null, null);
            }
        }
    }

    private static EpcIdentifier digitalLink(String value) {
        int schemeEnd = value.indexOf("://") + 3;
        int pathStart = value.indexOf('/', schemeEnd);
        if (pathStart < 0) {
            return new EpcIdentifier(Kind.OTHER, value, null, null, null, null);
        }
        int end = value.length();
        int query = value.indexOf('?', pathStart);
        int fragment = value.indexOf('#', pathStart);
        if (query >= 0) {
            end = query;
        }
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        String[] segments = value.substring(pathStart + 1, end).split("/", -1);
        // A Digital Link may sit under a path prefix on its resolver (https://example.com/dl/01/...):
        // the GS1 part starts at the first primary-key AI followed by a value.
        for (int i = 0; i + 1 < segments.length; i++) {
            String ai = segments[i];
            String key = decode(segments[i + 1]);
            switch (ai) {
                case "01" -> {
                    String gtin = gtin(value, key);
                    String serial = qualifier(segments, i + 2, "21");
                    String lot = qualifier(segments, i + 2, "10");
                    if (serial != null) {
                        requireSerial(value, serial);
                        return new EpcIdentifier(Kind.SGTIN, DL + "01/" + gtin + "/21/" + encode(serial), gtin, serial, null, null);
                    }
                    if (lot != null) {
                        requireLot(value, lot);
                        return new EpcIdentifier(Kind.LGTIN, DL + "01/" + gtin + "/10/" + encode(lot), gtin, null, lot, null);
                    }
                    return new EpcIdentifier(Kind.GTIN_CLASS, DL + "01/" + gtin, gtin, null, null, null);
                }
                case "00" -> {
                    String sscc = checked(value, () -> Sscc.of(key).value());
                    return new EpcIdentifier(Kind.SSCC, DL + "00/" + sscc, null, null, null, null);
                }
                case "414" -> {
                    String gln = checked(value, () -> Gln.of(key).value());
                    String extension = qualifier(segments, i + 2, "254");
                    if (extension != null) {
                        requireExtension(value, extension);
                    }
                    String canonical = DL + "414/" + gln + (extension == null || extension.equals("0") ? "" : "/254/" + encode(extension));
                    return new EpcIdentifier(Kind.SGLN, canonical, null, null, null, gln);
                }
                case "417" -> {
                    String gln = checked(value, () -> Gln.of(key).value());
                    return new EpcIdentifier(Kind.PGLN, DL + "417/" + gln, null, null, null, gln);
                }
                case "253", "255", "8003", "8004", "8006", "8010", "8017", "8018" -> {
                    StringBuilder canonical = new StringBuilder(DL);
                    for (int j = i; j < segments.length; j++) {
                        canonical.append(j == i ? "" : "/").append(segments[j]);
                    }
                    return new EpcIdentifier(Kind.OTHER_GS1, canonical.toString(), null, null, null, null);
                }
                default -> {
                    // not a GS1 primary key: keep looking (path prefix) 
                }
            }
        }
        return new EpcIdentifier(Kind.OTHER, value, null, null, null, null);
    }

    private static String qualifier(String[] segments, int from, String ai) {
        for (int j = from; j + 1 < segments.length; j += 2) {
            if (segments[j].equals(ai)) {
                return decode(segments[j + 1]);
            }
        }
        return null;
    }

    private static String gtin(String value, String key) {
        return checked(value, () -> {
            if (key.length() == 8 || key.length() == 12 || key.length() == 13) {
                return ProductCode.of("0".repeat(14 - key.length()) + key).value();
            }
            if (key.length() != 14) {
                throw new InvalidValueException("GTIN '" + key + "' must have 8, 12, 13 or 14 digits");
            }
            return ProductCode.of(key).value();
        });
    }

    private static String gtinFromUrn(String value, String companyPrefix, String itemReference) {
        requireDigits(value, companyPrefix, itemReference, 13, "company prefix and item reference");
        // The indicator digit leads the item reference in the URN and the GTIN.
        String payload = itemReference.charAt(0) + companyPrefix + itemReference.substring(1);
        return payload + Gs1CheckDigit.compute(payload);
    }

    private static void requireDigits(String value, String companyPrefix, String reference, int length, String what) {
        if (!allDigits(companyPrefix) || !allDigits(reference)) {
            throw new InvalidValueException("EPC '" + value + "': " + what + " must be digits");
        }
        if (companyPrefix.length() < 6 || companyPrefix.length() > 12 || companyPrefix.length() + reference.length() != length) {
            throw new InvalidValueException("EPC '" + value + "': " + what + " must have " + length
                    + " digits together, with a company prefix of 6 to 12 digits");
        }
    }

    private static void requireSerial(String value, String serial) {
        checked(value, () -> SerialNumber.of(serial));
    }

    private static void requireExtension(String value, String extension) {
        for (int i = 0; i < extension.length(); i++) {
            char c = extension.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new InvalidValueException("'" + value + "': the location extension has a character outside the GS1 AI character set 82");
            }
        }
    }

    private static void requireLot(String value, String lot) {
        checked(value, () -> io.cmohub.model.value.BatchId.of(lot));
    }

    private static <T> T checked(String value, java.util.function.Supplier<T> rule) {
        try {
            return rule.get();
        } catch (InvalidValueException e) {
            throw new InvalidValueException("'" + value + "': " + e.getMessage());
        }
    }

    private static String[] split(String value, String body, int parts, String what) {
        String[] p = body.split("\\.", -1);
        if (p.length != parts) {
            throw new InvalidValueException("EPC '" + value + "' must have " + parts + " dot-separated parts (" + what + ")");
        }
        for (String part : p) {
            if (part.isEmpty()) {
                throw new InvalidValueException("EPC '" + value + "' has an empty part (" + what + ")");
            }
        }
        return p;
    }

    /** Percent-decoding as EPC URNs and Digital Link URIs use it (single bytes; the GS1 AI set 82 is ASCII). */
    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * One fixed encoding for the canonical form, whatever escaping the source used: GS1's event hash
     * (CBV 2.0, reference dl_normaliser) writes the characters an EPC URN writes plainly as they are,
     * except ! ( ) * + , : which a Digital Link path escapes, and keeps the escapes an EPC URN must use
     * (" % & / < > ?); so of GS1's character set 82 only those are escaped, in upper-case hex.
     */
    private static String encode(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean plain = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '.' || c == '_'
                    || c == '\'' || c == ';' || c == '=';
            if (!plain && out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (out != null) {
                if (plain) {
                    out.append(c);
                } else {
                    out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4 & 0xf, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
                }
            }
        }
        return out == null ? s : out.toString();
    }

    private static boolean allDigits(CharSequence s) {
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
