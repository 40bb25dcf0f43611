package io.cmohub.connector.epcis;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content-derived id of one EPCIS event, computed while the event streams past.
 *
 * <p>The event is a tree of named fields. A leaf's digest is SHA-256("L" name 0x00 value), with the
 * value in its {@link LeafValue normalised} form; a node's is SHA-256("N" name 0x00 S) where S is
 * the sum modulo 2^256 of its children's digests; the event's is SHA-256("E" type 0x00 S) over its
 * top-level fields, written {@code ni:///sha-256;<hex>?ver=cmohub-epcis-1}. Addition commutes, so the
 * order of fields and of list entries does not matter (JSON-LD has no order; EPCIS lists are sets),
 * and no list has to be held to be sorted: an event with a million EPCs is hashed in constant memory.
 * The price: a sum of hashes is an AdHash-style multiset hash, not collision-resistant against
 * someone who crafts serial numbers for a collision (generalised birthday attack). Ids are scoped
 * to the sending partner, so a partner could only collide its own events.
 */
final class EventHash {
    static final String VERSION = "cmohub-epcis-1";
    private static final int MAX_DEPTH = 128;

    private final MessageDigest sha256;
    private final byte[] digest = new byte[32];
    private byte[] scratch = new byte[256];
    /** Accumulators per open node, 4 little-endian 64-bit words each. */
    private final long[][] sums = new long[MAX_DEPTH][4];
    private final String[] names = new String[MAX_DEPTH];
    private int depth;
    private long lastLeafPrefix;

    EventHash() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    void begin() {
        depth = 0;
        java.util.Arrays.fill(sums[0], 0L);
    }

    void start(String name) {
        if (depth + 1 >= MAX_DEPTH) {
            throw new IllegalStateException("event nested deeper than " + MAX_DEPTH);
        }
        depth++;
        names[depth] = name;
        java.util.Arrays.fill(sums[depth], 0L);
    }

    void end() {
        long[] sum = sums[depth];
        String name = names[depth];
        depth--;
        digestOf('N', name, sum);
        add(sums[depth]);
    }

    /** Adds a leaf (the value already normalised). */
    void leaf(String name, String value) {
        sha256.update((byte) 'L');
        update(name);
        sha256.update((byte) 0);
        update(value);
        finish();
        lastLeafPrefix = firstWord();
        add(sums[depth]);
    }

    String finish(String eventType, SortedEpcs epcs) {
        for (EpcList list : EpcList.values()) {
            boolean[] any = {false};
            epcs.forEach(list, (bytes, offset, length) -> {
                any[0] = true;
                sha256.update(bytes, offset, length);
                sha256.update((byte) 0);
            });
            if (any[0]) {
                finish();
                add(sums[0]);
            }
        }
        digestOf('E', eventType, sums[0]);
        return "ni:///sha-256;" + HexFormat.of().formatHex(digest) + "?ver=" + VERSION;
    }

    private void digestOf(char tag, String name, long[] sum) {
        sha256.update((byte) tag);
        update(name);
        sha256.update((byte) 0);
        for (long word : sum) {
            for (int i = 0; i < 8; i++) {
                sha256.update((byte) (word >>> (8 * i)));
            }
        }
        finish();
    }

    private void finish() {
        try {
            sha256.digest(digest, 0, 32);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
    }

    private long firstWord() {
        long w = 0;
        for (int i = 0; i < 8; i++) {
            w |= (digest[i] & 0xffL) << (8 * i);
        }
        return w;
    }

    private void add(long[] sum) {
        long carry = 0;
        for (int w = 0; w < 4; w++) {
            long d = 0;
            for (int i = 0; i < 8; i++) {
                d |= (digest[w * 8 + i] & 0xffL) << (8 * i);
            }
            long s = sum[w] + d;
            long c1 = Long.compareUnsigned(s, sum[w]) < 0 ? 1 : 0;
            long s2 = s + carry;
            long c2 = Long.compareUnsigned(s2, s) < 0 ? 1 : 0;
            sum[w] = s2;
            carry = c1 | c2;
        }
    }

    /** UTF-8 without allocating for the common ASCII case. */
    private void update(String s) {
        int n = s.length();
        if (n > scratch.length) {
            if (n > 1 << 20) {
                sha256.update(s.getBytes(StandardCharsets.UTF_8));
                return;
            }
            scratch = new byte[Math.max(n, scratch.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                sha256.update(s.getBytes(StandardCharsets.UTF_8));
                return;
            }
            scratch[i] = (byte) c;
        }
        sha256.update(scratch, 0, n);
    }
}
