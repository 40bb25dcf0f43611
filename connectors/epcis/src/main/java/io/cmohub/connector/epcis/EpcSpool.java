package io.cmohub.connector.epcis;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The EPCs of one list of one event: as written (for the canonical records), in canonical form (for
 * the event hash, which needs them sorted) and as fingerprints (for the lifecycle rules). An event
 * is accepted or rejected as a whole, and only at its end, so its EPCs must be kept until then; a
 * commissioning event may list a million. Up to {@code memoryLimit} EPCs stay in memory; beyond
 * that all go to a temporary file, read back one chunk at a time and sorted there by
 * {@link SpilledEpcSort}. Fingerprints (8 bytes each) stay in memory.
 */
final class EpcSpool implements AutoCloseable {
    /**
     * Canonical bytes kept in memory at most (and about as many characters as written): the entry
     * count alone would let 20,000 EPCs of 512 characters each take 30 MB per list.
     */
    private static final int MAX_IN_MEMORY_BYTES = 1536 * 1024;

    private final int chunkSize;
    private final int memoryLimit;
    /** The in-memory EPCs as written, back to back; entry i ends at {@code asWrittenEnds[i]}. */
    private char[] asWritten = new char[8 * 1024];
    private int[] asWrittenEnds = new int[64];
    /** Canonical forms of the in-memory EPCs, back to back; entry i ends at {@code canonicalEnds[i]}. */
    private byte[] canonical = new byte[8 * 1024];
    private int[] canonicalEnds = new int[64];
    private long[] fingerprints = new long[64];
    /** Fingerprints [0, fingerprinted) are computed; the rest of the in-memory ones are not yet. */
    private int fingerprinted;
    private int size;
    private Path file;
    private DataOutputStream out;
    private long written;
    /** Byte offset in the file of every chunk's first EPC. */
    private long[] chunkOffsets;

    EpcSpool(int chunkSize, int memoryLimit) {
        this.chunkSize = chunkSize;
        this.memoryLimit = memoryLimit;
    }

    /**
     * Adds an EPC: as written, characters {@code [0, textLength)}, and its canonical bytes
     * {@code [0, length)}. Strings for the records and the fingerprint are made when first asked for
     * ({@link #chunk}, {@link #fingerprint}), which with {@link EventPipeline} is on the checking
     * thread, not the parsing one; an EPC that goes to the file gets its fingerprint now.
     */
    void add(char[] text, int textLength, byte[] canonicalForm, int length) {
        if (size == fingerprints.length) {
            fingerprints = Arrays.copyOf(fingerprints, size * 2);
        }
        if (file == null && size < memoryLimit && start(size) + length <= MAX_IN_MEMORY_BYTES) {
            keep(text, textLength, canonicalForm, length);
        } else {
            fingerprints[size] = Fingerprint.of(canonicalForm, 0, length);
            spill(new String(text, 0, textLength), canonicalForm, length);
        }
        size++;
    }

    int size() {
        return size;
    }

    long fingerprint(int index) {
        while (fingerprinted <= index) {
            int i = fingerprinted++;
            fingerprints[i] = Fingerprint.of(canonical, start(i), canonicalEnds[i] - start(i));
        }
        return fingerprints[index];
    }

    String epc(int index) {
        if (file == null) {
            return written(index);
        }
        return chunk(index / chunkSize).get(index % chunkSize);
    }

    private String written(int i) {
        int from = i == 0 ? 0 : asWrittenEnds[i - 1];
        return new String(asWritten, from, asWrittenEnds[i] - from);
    }

    int chunkCount() {
        return (size + chunkSize - 1) / chunkSize;
    }

    /** EPCs {@code k * chunkSize} up to the next chunk boundary, as written. */
    List<String> chunk(int k) {
        int from = k * chunkSize;
        int to = Math.min(size, from + chunkSize);
        if (file == null) {
            List<String> epcs = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                epcs.add(written(i));
            }
            return epcs;
        }
        try {
            out.flush();
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                raf.seek(chunkOffsets[k]);
                DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(raf.getChannel()), 64 * 1024));
                List<String> epcs = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    epcs.add(in.readUTF());
                    in.skipNBytes(in.readUnsignedShort());
                }
                return epcs;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the EPC spool file " + file + " could not be read back", e);
        }
    }

    /** Hands the canonical forms to {@code consumer} in ascending byte order (the event hash's order). */
    void forEachSorted(SortedEpcs.EpcBytes consumer) {
        if (size == 0) {
            return;
        }
        if (file != null) {
            try {
                out.flush();
                new SpilledEpcSort(file, size, memoryLimit).forEach(consumer);
            } catch (IOException e) {
                throw new UncheckedIOException("the EPC spool file " + file + " could not be sorted", e);
            }
            return;
        }
        byte[] bytes = canonical;
        boolean sorted = true;
        for (int i = 1; i < size && sorted; i++) {
            sorted = compare(i - 1, i) <= 0;
        }
        if (sorted) {
            // the usual case: systems write serials in order
            for (int i = 0; i < size; i++) {
                consumer.accept(bytes, start(i), canonicalEnds[i] - start(i));
            }
            return;
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, this::compare);
        for (int i : order) {
            consumer.accept(bytes, start(i), canonicalEnds[i] - start(i));
        }
    }

    private int start(int i) {
        return i == 0 ? 0 : canonicalEnds[i - 1];
    }

    private int compare(int a, int b) {
        return Arrays.compareUnsigned(canonical, start(a), canonicalEnds[a], canonical, start(b), canonicalEnds[b]);
    }

    private void keep(char[] text, int textLength, byte[] canonicalForm, int length) {
        int writtenFrom = size == 0 ? 0 : asWrittenEnds[size - 1];
        if (writtenFrom + textLength > asWritten.length) {
            asWritten = Arrays.copyOf(asWritten, Math.max(writtenFrom + textLength, asWritten.length * 2));
        }
        System.arraycopy(text, 0, asWritten, writtenFrom, textLength);
        if (size == asWrittenEnds.length) {
            asWrittenEnds = Arrays.copyOf(asWrittenEnds, size * 2);
        }
        asWrittenEnds[size] = writtenFrom + textLength;
        int from = start(size);
        if (from + length > canonical.length) {
            canonical = Arrays.copyOf(canonical, Math.max(from + length, canonical.length * 2));
        }
        System.arraycopy(canonicalForm, 0, canonical, from, length);
        if (size == canonicalEnds.length) {
            canonicalEnds = Arrays.copyOf(canonicalEnds, size * 2);
        }
        canonicalEnds[size] = from + length;
    }

    private void spill(String epc, byte[] canonicalForm, int length) {
        try {
            if (file == null) {
                file = Files.createTempFile("cmohub-epcis-", ".epcs");
                out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024));
                chunkOffsets = new long[16];
                if (size > 0) {
                    fingerprint(size - 1); // the canonical forms leave memory now
                }
                fingerprinted = Integer.MAX_VALUE;
                for (int i = 0; i < size; i++) {
                    write(i, written(i), canonical, start(i), canonicalEnds[i] - start(i));
                }
                asWritten = null;
                asWrittenEnds = null;
                canonical = null;
                canonicalEnds = null;
            }
            write(size, epc, canonicalForm, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException("a large EPCIS event could not be spooled to a temporary file", e);
        }
    }

    /** One entry of the spool file: the EPC as written (modified UTF-8), then its canonical bytes after their length. */
    private void write(int index, String epc, byte[] canonicalForm, int offset, int length) throws IOException {
        if (index % chunkSize == 0) {
            int k = index / chunkSize;
            if (k == chunkOffsets.length) {
                chunkOffsets = Arrays.copyOf(chunkOffsets, k * 2);
            }
            chunkOffsets[k] = written;
        }
        int before = out.size();
        out.writeUTF(epc);
        out.writeShort(length);
        out.write(canonicalForm, offset, length);
        // DataOutputStream.size() is an int that wraps after 2 GB; the difference stays right.
        written += out.size() - before;
    }

    /** Empties the spool for the next event, deleting its file; buffers grown for a large event are let go. */
    void clear() {
        close();
        file = null;
        out = null;
        written = 0;
        chunkOffsets = null;
        size = 0;
        fingerprinted = 0;
        if (asWritten == null || asWritten.length > 1 << 20) {
            asWritten = new char[8 * 1024];
            asWrittenEnds = new int[64];
            canonical = new byte[8 * 1024];
            canonicalEnds = new int[64];
            fingerprints = new long[64];
        }
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                out.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("the EPC spool file " + file + " could not be removed", e);
            }
        }
    }
}
