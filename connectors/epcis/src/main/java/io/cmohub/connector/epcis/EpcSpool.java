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
 *
 * <p>EPCs kept in memory are taken as written and read (rules, canonical form) only when first
 * needed, by {@link #readPending}: with {@link EventPipeline}, by whichever thread has time for it
 * (the parsing thread copies each EPC's characters and goes on). Once the spool goes to a file,
 * every EPC is read as it is added.
 */
final class EpcSpool implements AutoCloseable {
    /** An EPC as read: its text as written (trimmed) and its canonical bytes, valid until the next read. */
    interface ReadEntry {
        char[] text();

        int textLength();

        byte[] canonical();

        int canonicalLength();
    }

    /** Reads one entry as written; null when it breaks a rule (the reader has recorded which). */
    interface EntryReader {
        ReadEntry read(char[] text, int start, int length);
    }

    /**
     * Characters an entry may have to wait as written: a longer one is read at once, so a hostile
     * entry cannot fill the in-memory budget before it is rejected.
     */
    private static final int MAX_PENDING_LENGTH = 1024;
    /**
     * Characters as written kept in memory at most, and canonical bytes of the entries read so far:
     * the entry count alone would let 20,000 EPCs of 512 characters each take 30 MB per list. Entries
     * waiting to be read count by their characters only; their canonical forms take at most three
     * bytes per character (a percent-escape), so a list holds at most about 3 MB of characters and
     * 6 MB of canonical bytes.
     */
    private static final int MAX_IN_MEMORY_CHARS = 1536 * 1024;

    private final int chunkSize;
    private final int memoryLimit;
    private final EntryReader reader;
    /** The in-memory EPCs as written, back to back; entry i ends at {@code asWrittenEnds[i]}. */
    private char[] asWritten = new char[8 * 1024];
    private int[] asWrittenEnds = new int[64];
    /** Canonical forms of the in-memory EPCs, back to back; entry i ends at {@code canonicalEnds[i]}. */
    private byte[] canonical = new byte[8 * 1024];
    private int[] canonicalEnds = new int[64];
    private long[] fingerprints = new long[64];
    /** Fingerprints [0, fingerprinted) are computed; the rest of the in-memory ones are not yet. */
    private int fingerprinted;
    /** In-memory entries [0, read) are read (canonical forms known); [read, size) are as written only. */
    private int read;
    private int size;
    /** Every chunk's strings, when {@link #buildChunks} made them; null otherwise. */
    private List<List<String>> built;
    /** {@link #inOrder} as found for the first {@code orderKnownFor} entries; -1: not looked at. */
    private boolean inOrder;
    private int orderKnownFor = -1;
    private Path file;
    private DataOutputStream out;
    private long written;
    /** Byte offset in the file of every chunk's first EPC. */
    private long[] chunkOffsets;

    EpcSpool(int chunkSize, int memoryLimit, EntryReader reader) {
        this.chunkSize = chunkSize;
        this.memoryLimit = memoryLimit;
        this.reader = reader;
    }

    /**
     * Adds the entry {@code text[start, start + length)} as written. In memory it waits to be read
     * ({@link #readPending}); strings for the records and fingerprints are made when first asked for
     * ({@link #chunk}, {@link #fingerprint}). An entry that goes to the file is read now, and left
     * out if it breaks a rule.
     */
    void add(char[] text, int start, int length) {
        built = null;
        if (length > MAX_PENDING_LENGTH) {
            readPending(); // the reader sees entries in document order, so their errors come in that order
            ReadEntry entry = reader.read(text, start, length);
            if (entry == null) {
                return;
            }
            // valid after all (a short EPC in much whitespace): go on with its trimmed text, which is
            // read once more below or later, like any other entry
            text = entry.text();
            start = 0;
            length = entry.textLength();
        }
        if (file == null && fitsInMemory(length)) {
            keepWritten(text, start, length);
            return;
        }
        if (file == null) {
            readPending(); // the file holds canonical forms: whatever waits is read now
        }
        ReadEntry entry = reader.read(text, start, length);
        if (entry == null) {
            return;
        }
        if (size == fingerprints.length) {
            fingerprints = Arrays.copyOf(fingerprints, size * 2);
        }
        fingerprints[size] = Fingerprint.of(entry.canonical(), 0, entry.canonicalLength());
        spill(new String(entry.text(), 0, entry.textLength()), entry.canonical(), entry.canonicalLength());
        size++;
        read = size;
    }

    /**
     * Reads the entries kept as written since the last call: their rules (through the reader, which
     * records what breaks them), canonical forms and trimmed text. Entries that break a rule leave the
     * spool, so {@link #size} may shrink.
     */
    void readPending() {
        if (read == size) {
            return;
        }
        int kept = read;
        int rawFrom = kept == 0 ? 0 : asWrittenEnds[kept - 1];
        for (int i = read; i < size; i++) {
            int rawTo = asWrittenEnds[i];
            ReadEntry entry = reader.read(asWritten, rawFrom, rawTo - rawFrom);
            rawFrom = rawTo;
            if (entry == null) {
                continue;
            }
            // trimmed and without the entries dropped before it, the text never moves forward: it
            // overwrites only what was already read
            int writtenFrom = kept == 0 ? 0 : asWrittenEnds[kept - 1];
            System.arraycopy(entry.text(), 0, asWritten, writtenFrom, entry.textLength());
            asWrittenEnds[kept] = writtenFrom + entry.textLength();
            int from = start(kept);
            int length = entry.canonicalLength();
            if (from + length > canonical.length) {
                canonical = Arrays.copyOf(canonical, Math.max(from + length, canonical.length * 2));
            }
            System.arraycopy(entry.canonical(), 0, canonical, from, length);
            if (kept == canonicalEnds.length) {
                canonicalEnds = Arrays.copyOf(canonicalEnds, Math.max(kept + 1, canonicalEnds.length * 2));
            }
            canonicalEnds[kept] = from + length;
            kept++;
        }
        size = kept;
        read = kept;
        if (fingerprints.length < size) {
            fingerprints = Arrays.copyOf(fingerprints, Math.max(size, fingerprints.length * 2));
        }
    }

    int size() {
        readPending();
        return size;
    }

    /** Whether entries wait to be read. */
    boolean hasPending() {
        return read < size;
    }

    /** Whether the list went to a temporary file. */
    boolean spooled() {
        return file != null;
    }

    /** Whether {@link #add}ing an entry of {@code length} characters would read it (and those waiting) at once. */
    boolean readsAtOnce(int length) {
        return length > MAX_PENDING_LENGTH || file != null || !fitsInMemory(length);
    }

    private boolean fitsInMemory(int length) {
        return size < memoryLimit && writtenEnd() + length <= MAX_IN_MEMORY_CHARS && canonicalEnd() <= MAX_IN_MEMORY_CHARS;
    }

    private int canonicalEnd() {
        return read == 0 ? 0 : canonicalEnds[read - 1];
    }

    long fingerprint(int index) {
        readPending();
        while (fingerprinted <= index) {
            int i = fingerprinted++;
            fingerprints[i] = Fingerprint.of(canonical, start(i), canonicalEnds[i] - start(i));
        }
        return fingerprints[index];
    }

    String epc(int index) {
        readPending();
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
        readPending();
        return (size + chunkSize - 1) / chunkSize;
    }

    /** EPCs {@code k * chunkSize} up to the next chunk boundary, as written. */
    List<String> chunk(int k) {
        readPending();
        if (built != null) {
            return built.get(k);
        }
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

    /**
     * Makes the strings of every chunk now, for {@link #chunk} to hand out later: lets the thread
     * that has time do it ({@link EventAssembler#prepare}). Only for a spool in memory, whose size
     * is bounded; a spooled list's chunks are read back one at a time as they are asked for.
     */
    void buildChunks() {
        readPending();
        if (file != null || built != null) {
            return;
        }
        List<List<String>> chunks = new ArrayList<>(chunkCount());
        for (int k = 0; k < chunkCount(); k++) {
            chunks.add(chunk(k));
        }
        built = chunks;
    }

    /** Hands the canonical forms to {@code consumer} in ascending byte order (the event hash's order). */
    void forEachSorted(SortedEpcs.EpcBytes consumer) {
        readPending();
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
        if (inOrder()) {
            // the usual case: systems write serials in order
            for (int i = 0; i < size; i++) {
                consumer.accept(bytes, start(i), canonicalEnds[i] - start(i));
            }
            return;
        }
        for (int i : sortedOrder()) {
            consumer.accept(bytes, start(i), canonicalEnds[i] - start(i));
        }
    }

    /**
     * The in-memory entries' indexes in ascending byte order of their canonical forms. Sorting
     * object indexes with a comparator costs a sixth of a document's time when serials are random
     * (as EU rules require), so entries are sorted as primitive keys: the eight bytes after the
     * list's common prefix, their low bits replaced by the index. Entries whose keys tie in the
     * remaining bits are put in order by their whole canonical form.
     */
    private int[] sortedOrder() {
        int n = size;
        int indexBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1));
        long indexMask = (1L << indexBits) - 1;
        int common = commonPrefixLength();
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (keyBytes(i, common) & ~indexMask ^ Long.MIN_VALUE) | i; // sign flipped: signed order is unsigned order
        }
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) (keys[i] & indexMask);
        }
        for (int from = 0; from < n; ) {
            int to = from + 1;
            while (to < n && (keys[to] & ~indexMask) == (keys[from] & ~indexMask)) {
                to++;
            }
            if (to - from > 1) {
                sortByWholeForm(order, from, to);
            }
            from = to;
        }
        return order;
    }

    private int commonPrefixLength() {
        int common = canonicalEnds[0];
        for (int i = 1; i < size && common > 0; i++) {
            int mismatch = Arrays.mismatch(canonical, 0, common, canonical, start(i), canonicalEnds[i]);
            if (mismatch >= 0) {
                common = mismatch;
            }
        }
        return common;
    }

    /** Up to eight bytes of entry {@code i} from {@code offset}, big-endian, zero-padded. */
    private long keyBytes(int i, int offset) {
        int from = start(i) + offset;
        int to = Math.min(canonicalEnds[i], from + 8);
        long key = 0;
        for (int k = from; k < from + 8; k++) {
            key = key << 8 | (k < to ? canonical[k] & 0xff : 0);
        }
        return key;
    }

    private void sortByWholeForm(int[] order, int from, int to) {
        Integer[] tied = new Integer[to - from];
        for (int k = from; k < to; k++) {
            tied[k - from] = order[k];
        }
        Arrays.sort(tied, this::compare);
        for (int k = from; k < to; k++) {
            order[k] = tied[k - from];
        }
    }

    /**
     * Whether the canonical forms are kept in ascending byte order, as systems usually write serials:
     * then they need no sorting, and duplicates are neighbours. False for a spooled list.
     */
    boolean inOrder() {
        readPending();
        if (file != null) {
            return false;
        }
        if (orderKnownFor != size) {
            inOrder = true;
            for (int i = 1; i < size && inOrder; i++) {
                inOrder = compare(i - 1, i) <= 0;
            }
            orderKnownFor = size;
        }
        return inOrder;
    }

    /** Whether in-memory entry {@code i} has the canonical form of entry {@code i - 1}; only after {@link #inOrder} said true. */
    boolean sameAsPrevious(int i) {
        return compare(i - 1, i) == 0;
    }

    private int start(int i) {
        return i == 0 ? 0 : canonicalEnds[i - 1];
    }

    private int compare(int a, int b) {
        return Arrays.compareUnsigned(canonical, start(a), canonicalEnds[a], canonical, start(b), canonicalEnds[b]);
    }

    private int writtenEnd() {
        return size == 0 ? 0 : asWrittenEnds[size - 1];
    }

    private void keepWritten(char[] text, int start, int length) {
        int writtenFrom = writtenEnd();
        if (writtenFrom + length > asWritten.length) {
            asWritten = Arrays.copyOf(asWritten, Math.max(writtenFrom + length, asWritten.length * 2));
        }
        System.arraycopy(text, start, asWritten, writtenFrom, length);
        if (size == asWrittenEnds.length) {
            asWrittenEnds = Arrays.copyOf(asWrittenEnds, size * 2);
        }
        asWrittenEnds[size] = writtenFrom + length;
        size++;
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
        read = 0;
        built = null;
        orderKnownFor = -1;
        fingerprinted = 0;
        // buffers grown for a large event are let go, each on its own
        if (asWritten == null || asWritten.length > 1 << 20 || canonical.length > 1 << 20) {
            asWritten = new char[8 * 1024];
            asWrittenEnds = new int[64];
            canonical = new byte[8 * 1024];
            canonicalEnds = new int[64];
        }
        if (fingerprints.length > 1 << 17) {
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
