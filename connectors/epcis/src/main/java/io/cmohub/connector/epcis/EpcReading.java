package io.cmohub.connector.epcis;

import io.cmohub.model.value.InvalidValueException;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Reads one EPC of an EPC list into what the event needs from it: its leaf digest for the
 * {@link EventHash} (whose first 64 bits are its lifecycle fingerprint), its GTIN, or the rule it
 * breaks. This is the per-serial work of a document, done two million times for a million SGTINs,
 * so the common case (a plain SGTIN URN) is read straight into a reusable byte buffer and hashed
 * without building the canonical string. Not thread-safe: one per thread.
 */
final class EpcReading {
    private static final int MAX_EPC_LENGTH = 512;
    private static final byte[] SGTIN_PREFIX = "https://id.gs1.org/01/".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final String SGTIN_URN = "urn:epc:id:sgtin:";
    private static final boolean[] SERIAL_PLAIN = new boolean[128];

    static {
        // set 82 without '%' (needs decoding) and '.' (separates the URN's parts): what a plain serial is made of
        for (char c : "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!'()*+,-:;=_".toCharArray()) {
            SERIAL_PLAIN[c] = true;
        }
    }

    private final MessageDigest sha256;
    private final byte[] digest = new byte[32];
    private byte[] buffer = new byte[256];
    private final char[] gtinChars = new char[14];

    // the result of the last read
    String epc;
    String error;
    String gtin;
    long d0;
    long d1;
    long d2;
    long d3;

    EpcReading() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
        buffer[0] = 'L';
        buffer[1] = 0;
    }

    /** Reads {@code text}, an entry of the list named {@code field}; false (with {@link #error}) when it breaks a rule. */
    boolean read(String field, String text) {
        epc = text.strip();
        error = null;
        gtin = null;
        if (epc.isEmpty()) {
            error = "an entry of " + field + " is empty";
            return false;
        }
        if (epc.length() > MAX_EPC_LENGTH) {
            error = "an EPC in " + field + " is " + epc.length() + " characters long; at most " + MAX_EPC_LENGTH + " are allowed";
            return false;
        }
        int length = epc.startsWith(SGTIN_URN) ? plainSgtin(epc) : -1;
        if (length < 0) {
            Identifier id;
            try {
                id = Identifier.parse(epc);
            } catch (InvalidValueException e) {
                error = e.getMessage();
                return false;
            }
            gtin = id.gtin();
            byte[] canonical = id.canonical().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ensure(canonical.length + 2);
            System.arraycopy(canonical, 0, buffer, 2, canonical.length);
            length = canonical.length + 2;
        }
        sha256.update(buffer, 0, length);
        try {
            sha256.digest(digest, 0, 32);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        d0 = word(0);
        d1 = word(8);
        d2 = word(16);
        d3 = word(24);
        return true;
    }

    /**
     * Writes "L", 0 and the Digital Link of a plain SGTIN URN into the buffer, as {@link EventHash}
     * hashes a leaf; the same bytes {@link Identifier#parse} gives. Returns the length, or -1 when the
     * URN is not plain (escaped, malformed), for the general path to read and explain.
     */
    private int plainSgtin(String value) {
        int start = SGTIN_URN.length();
        int dot1 = value.indexOf('.', start);
        int dot2 = dot1 < 0 ? -1 : value.indexOf('.', dot1 + 1);
        int n = value.length();
        int companyLength = dot1 - start;
        if (dot2 < 0 || companyLength < 6 || companyLength > 12 || dot2 - dot1 - 1 + companyLength != 13 || n - dot2 - 1 < 1 || n - dot2 - 1 > 20) {
            return -1;
        }
        char[] g = gtinChars;
        g[0] = value.charAt(dot1 + 1);
        value.getChars(start, dot1, g, 1);
        value.getChars(dot1 + 2, dot2, g, 1 + companyLength);
        int sum = 0;
        for (int i = 12, weight = 3; i >= 0; i--, weight = 4 - weight) {
            char c = g[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            sum += (c - '0') * weight;
        }
        g[13] = (char) ('0' + (10 - sum % 10) % 10);
        ensure(2 + SGTIN_PREFIX.length + 14 + 4 + 3 * (n - dot2));
        byte[] b = buffer;
        int p = 2;
        System.arraycopy(SGTIN_PREFIX, 0, b, p, SGTIN_PREFIX.length);
        p += SGTIN_PREFIX.length;
        for (int i = 0; i < 14; i++) {
            b[p++] = (byte) g[i];
        }
        b[p++] = '/';
        b[p++] = '2';
        b[p++] = '1';
        b[p++] = '/';
        for (int i = dot2 + 1; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 128 || !SERIAL_PLAIN[c]) {
                return -1;
            }
            if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_') {
                b[p++] = (byte) c;
            } else {
                // Identifier's canonical escaping: %XX, upper case
                b[p++] = '%';
                b[p++] = (byte) Character.toUpperCase(Character.forDigit(c >> 4, 16));
                b[p++] = (byte) Character.toUpperCase(Character.forDigit(c & 0xf, 16));
            }
        }
        gtin = sameGtin(g);
        return p;
    }

    /** Consecutive EPCs are mostly of one product: reuse its GTIN string. */
    private String sameGtin(char[] g) {
        String last = gtin == null ? lastGtin : gtin;
        if (last != null) {
            boolean same = true;
            for (int i = 0; i < 14 && same; i++) {
                same = last.charAt(i) == g[i];
            }
            if (same) {
                return last;
            }
        }
        lastGtin = new String(g);
        return lastGtin;
    }

    private String lastGtin;

    private void ensure(int size) {
        if (size > buffer.length) {
            byte[] bigger = new byte[Math.max(size, buffer.length * 2)];
            bigger[0] = 'L';
            buffer = bigger;
        }
    }

    private long word(int offset) {
        long w = 0;
        for (int i = 0; i < 8; i++) {
            w |= (digest[offset + i] & 0xffL) << (8 * i);
        }
        return w;
    }
}
