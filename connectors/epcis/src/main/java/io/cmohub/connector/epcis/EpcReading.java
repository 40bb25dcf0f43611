package io.cmohub.connector.epcis;

import io.cmohub.model.value.EpcIdentifier;
import io.cmohub.model.value.InvalidValueException;
import java.nio.charset.StandardCharsets;

/**
 * Reads one entry of an EPC list into what the event needs from it: the EPC as written (for the
 * canonical record), its canonical GS1 Digital Link bytes (what the event hash sorts and hashes,
 * and the lifecycle ledger's {@link Fingerprint} is made of), its GTIN, or the rule it breaks.
 *
 * <p>This is the per-serial work of a document, done two million times for a million SGTINs, so the
 * common case (a plain SGTIN URN) goes straight to canonical bytes, without an intermediate
 * string or an {@link EpcIdentifier}. The fast path writes exactly what
 * {@code EpcIdentifier.parse(epc).canonical()} gives (a test holds the two together); anything unusual
 * takes the general path. Not thread-safe: one per {@link EventAssembler}.
 */
final class EpcReading implements EpcSpool.ReadEntry {
    private static final int MAX_EPC_LENGTH = 512;
    private static final byte[] SGTIN_PREFIX = "https://id.gs1.org/01/".getBytes(StandardCharsets.US_ASCII);
    private static final char[] SGTIN_URN = "urn:epc:id:sgtin:".toCharArray();
    /** "https://id.gs1.org/01/" + GTIN + "/21/". */
    private static final int CANONICAL_PREFIX_LENGTH = SGTIN_PREFIX.length + 14 + 4;
    /** Serial characters written as they are; the rest of GS1's set 82 is percent-escaped (EpcIdentifier's canonical form). */
    private static final boolean[] SERIAL_UNESCAPED = new boolean[128];
    private static final boolean[] SERIAL_ESCAPED = new boolean[128];

    static {
        for (char c : "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';=".toCharArray()) {
            SERIAL_UNESCAPED[c] = true;
        }
        // set 82 without '%' (the URN's own escape, left to the general path) and '.' (separates the URN's parts)
        for (char c : "!()*+,:".toCharArray()) {
            SERIAL_ESCAPED[c] = true;
        }
    }

    private byte[] canonical = new byte[128];
    private final char[] chars = new char[MAX_EPC_LENGTH];
    private final char[] gtinChars = new char[14];
    private String lastGtin;
    /** The URN up to the serial ("urn:epc:id:sgtin:CP.IR.") of the last EPC the fast path read, whose canonical bytes start the buffer. */
    private final char[] lastPrefix = new char[MAX_EPC_LENGTH];
    private int lastPrefixLength;
    private final char[] lastGtinChars = new char[14];

    // the result of the last read
    private int textLength;
    String error;
    String gtin;
    int canonicalLength;

    /** Reads an entry of the list named {@code field}; false (with {@link #error}) when it breaks a rule. */
    boolean read(String field, String entry) {
        return read(field, entry.toCharArray(), 0, entry.length());
    }

    /**
     * Reads the entry {@code text[start, start + length)}; false (with {@link #error}) when it breaks
     * a rule. No string is made on the way for a plain SGTIN: the EPC as written stays characters
     * ({@link #text()}), for the thread that builds the records to turn into strings.
     */
    boolean read(String field, char[] text, int start, int length) {
        int from = start;
        int to = start + length;
        while (from < to && Character.isWhitespace(text[from])) {
            from++;
        }
        while (to > from && Character.isWhitespace(text[to - 1])) {
            to--;
        }
        int n = to - from;
        error = null;
        gtin = null;
        textLength = 0;
        if (n == 0) {
            error = "an entry of " + field + " is empty";
            return false;
        }
        if (n > MAX_EPC_LENGTH) {
            error = "an EPC in " + field + " is " + n + " characters long; at most " + MAX_EPC_LENGTH + " are allowed";
            return false;
        }
        System.arraycopy(text, from, chars, 0, n);
        textLength = n;
        canonicalLength = plainSgtin(chars, n);
        return canonicalLength >= 0 || general();
    }

    /** The EPC as written (trimmed), characters {@code [0, textLength())}; valid until the next read. */
    @Override
    public char[] text() {
        return chars;
    }

    @Override
    public int textLength() {
        return textLength;
    }

    /** The canonical form of the last EPC read: bytes {@code [0, canonicalLength)}. */
    @Override
    public byte[] canonical() {
        return canonical;
    }

    @Override
    public int canonicalLength() {
        return canonicalLength;
    }

    private boolean general() {
        String epc = new String(chars, 0, textLength);
        EpcIdentifier id;
        try {
            id = EpcIdentifier.parse(epc);
        } catch (InvalidValueException e) {
            error = e.getMessage();
            return false;
        }
        gtin = id.gtin();
        byte[] bytes = canonicalForm(id, epc).getBytes(StandardCharsets.UTF_8);
        lastPrefixLength = 0; // the buffer no longer starts with the last SGTIN's prefix
        ensure(bytes.length);
        System.arraycopy(bytes, 0, canonical, 0, bytes.length);
        canonicalLength = bytes.length;
        return true;
    }

    /**
     * The form an identifier is compared and hashed in: EpcIdentifier's Digital Link for the GS1 keys
     * the hub interprets; for the others (GRAI, GIAI, ... and other schemes), the form GS1's event
     * hash gives them. Parents are fingerprinted with it too, so a commissioned GRAI is found again
     * when it is a parent.
     */
    static String canonicalForm(EpcIdentifier id, String raw) {
        boolean uninterpreted = id.kind() == EpcIdentifier.Kind.OTHER_GS1 || id.kind() == EpcIdentifier.Kind.OTHER;
        return uninterpreted ? Gs1CanonicalValue.of(raw) : id.canonical();
    }

    /**
     * Writes the Digital Link of a plain SGTIN URN {@code urn:epc:id:sgtin:CP.IR.SERIAL} into the
     * buffer; returns its length, or -1 when the URN is not plain (escaped, malformed) for the
     * general path to read and explain.
     */
    private int plainSgtin(char[] v, int to) {
        // Consecutive EPCs mostly share company prefix and item reference: then the canonical bytes
        // before the serial are already in the buffer, and only the serial is written.
        int shared = lastPrefixLength;
        if (shared > 0 && to > shared && to - shared <= 20 && java.util.Arrays.equals(v, 0, shared, lastPrefix, 0, shared)) {
            int p = serial(v, shared, to, CANONICAL_PREFIX_LENGTH);
            if (p >= 0) {
                gtin = lastGtin;
                return p;
            }
        }
        lastPrefixLength = 0;
        if (!startsWith(v, to, SGTIN_URN)) {
            return -1;
        }
        int start = SGTIN_URN.length;
        int dot1 = indexOf(v, '.', start, to);
        int dot2 = dot1 < 0 ? -1 : indexOf(v, '.', dot1 + 1, to);
        int companyLength = dot1 - start;
        int serialLength = to - dot2 - 1;
        if (dot2 < 0 || companyLength < 6 || companyLength > 12 || dot2 - dot1 - 1 + companyLength != 13 || serialLength < 1 || serialLength > 20) {
            return -1;
        }
        // the indicator digit leads the item reference in the URN and the GTIN
        char[] g = gtinChars;
        g[0] = v[dot1 + 1];
        System.arraycopy(v, start, g, 1, companyLength);
        System.arraycopy(v, dot1 + 2, g, 1 + companyLength, dot2 - dot1 - 2);
        int sum = 0;
        for (int i = 12, weight = 3; i >= 0; i--, weight = 4 - weight) {
            char c = g[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            sum += (c - '0') * weight;
        }
        g[13] = (char) ('0' + (10 - sum % 10) % 10);
        ensure(SGTIN_PREFIX.length + 14 + 4 + 3 * serialLength);
        byte[] b = canonical;
        System.arraycopy(SGTIN_PREFIX, 0, b, 0, SGTIN_PREFIX.length);
        int p = SGTIN_PREFIX.length;
        for (int i = 0; i < 14; i++) {
            b[p++] = (byte) g[i];
        }
        b[p++] = '/';
        b[p++] = '2';
        b[p++] = '1';
        b[p++] = '/';
        p = serial(v, dot2 + 1, to, p);
        if (p < 0) {
            return -1;
        }
        gtin = sameGtin(g);
        System.arraycopy(v, 0, lastPrefix, 0, dot2 + 1);
        lastPrefixLength = dot2 + 1;
        return p;
    }

    /** Writes the serial {@code v[from, to)} at {@code p} in EpcIdentifier's escaping; the end, or -1 for a character the fast path leaves to the general one. */
    private int serial(char[] v, int from, int to, int p) {
        ensure(p + 3 * (to - from));
        byte[] b = canonical;
        for (int i = from; i < to; i++) {
            char c = v[i];
            if (c < 128 && SERIAL_UNESCAPED[c]) {
                b[p++] = (byte) c;
            } else if (c < 128 && SERIAL_ESCAPED[c]) {
                b[p++] = '%';
                b[p++] = (byte) Character.toUpperCase(Character.forDigit(c >> 4, 16));
                b[p++] = (byte) Character.toUpperCase(Character.forDigit(c & 0xf, 16));
            } else {
                return -1;
            }
        }
        return p;
    }

    /** Consecutive EPCs are mostly of one product: reuse its GTIN string. */
    private String sameGtin(char[] g) {
        if (lastGtin == null || !java.util.Arrays.equals(g, lastGtinChars)) {
            System.arraycopy(g, 0, lastGtinChars, 0, 14);
            lastGtin = new String(g);
        }
        return lastGtin;
    }

    /** Grows the buffer, keeping what it holds (the shared prefix). */
    private void ensure(int size) {
        if (size > canonical.length) {
            canonical = java.util.Arrays.copyOf(canonical, Math.max(size, canonical.length * 2));
        }
    }

    private static boolean startsWith(char[] v, int length, char[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (v[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(char[] v, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (v[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
