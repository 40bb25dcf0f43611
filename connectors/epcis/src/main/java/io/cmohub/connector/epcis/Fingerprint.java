package io.cmohub.connector.epcis;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The 64-bit fingerprint of an EPC's canonical form: what the lifecycle ledger and the per-event
 * duplicate check remember instead of the EPC itself (8 bytes instead of ~100). A fast multiply-mix
 * hash over 8-byte words with a full 64-bit avalanche at the end, so the low bits index a table
 * directly. Not cryptographic, and it need not be: two different EPCs share a fingerprint with
 * probability about n²/2⁶⁵ for n EPCs, and a partner crafting serials to collide could only make
 * its own document fail a duplicate check. The event id is a SHA-256 ({@link Gs1EventHash}).
 */
final class Fingerprint {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long P1 = 0x9E3779B97F4A7C15L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;

    private Fingerprint() {
    }

    static long of(byte[] bytes, int offset, int length) {
        long h = P2 ^ length * P1;
        int i = offset;
        int end = offset + length;
        for (; i + 8 <= end; i += 8) {
            long k = (long) LONGS.get(bytes, i);
            h ^= Long.rotateLeft(k * P2, 31) * P1;
            h = Long.rotateLeft(h, 27) * P1 + 0x52DCE729L;
        }
        long tail = 0;
        for (int shift = 0; i < end; i++, shift += 8) {
            tail |= (bytes[i] & 0xffL) << shift;
        }
        h ^= Long.rotateLeft(tail * P2, 31) * P1;
        return mix(h);
    }

    static long of(String canonical) {
        byte[] bytes = canonical.getBytes(StandardCharsets.UTF_8);
        return of(bytes, 0, bytes.length);
    }

    /** MurmurHash3's finaliser: every input bit flips each output bit with probability about 1/2. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
