package io.cmohub.connector.epcis;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Sorts the canonical forms of a spooled EPC list that is too large for memory (an external merge
 * sort): runs of at most {@code runSize} entries are sorted in memory and written to a second
 * temporary file, then merged, each run read through its own window of that file. Memory: one
 * run, plus the windows: 4 MB shared by the runs, but at least 4 KB each (a million-EPC event with
 * the default 20,000 in memory has 50 runs; only an event of over 20 million EPCs needs more).
 */
final class SpilledEpcSort {
    private static final int MERGE_BUDGET = 4 * 1024 * 1024;

    private final Path spool;
    private final int entries;
    private final int runSize;

    SpilledEpcSort(Path spool, int entries, int runSize) {
        this.spool = spool;
        this.entries = entries;
        this.runSize = Math.max(1, runSize);
    }

    void forEach(SortedEpcs.EpcBytes consumer) throws IOException {
        Path runs = Files.createTempFile("cmohub-epcis-", ".runs");
        try {
            long[] runStarts = writeSortedRuns(runs);
            merge(runs, runStarts, consumer);
        } finally {
            Files.deleteIfExists(runs);
        }
    }

    /** Returns the byte offset of each run in {@code runs}, plus the file's end. */
    private long[] writeSortedRuns(Path runs) throws IOException {
        int count = (entries + runSize - 1) / runSize;
        long[] starts = new long[count + 1];
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spool), 64 * 1024));
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(runs), 64 * 1024))) {
            byte[][] run = new byte[Math.min(runSize, entries)][];
            long written = 0;
            for (int r = 0; r < count; r++) {
                starts[r] = written;
                int n = Math.min(runSize, entries - r * runSize);
                for (int i = 0; i < n; i++) {
                    in.skipNBytes(in.readUnsignedShort()); // the EPC as written
                    byte[] canonical = new byte[in.readUnsignedShort()];
                    in.readFully(canonical);
                    run[i] = canonical;
                }
                Arrays.sort(run, 0, n, Arrays::compareUnsigned);
                for (int i = 0; i < n; i++) {
                    out.writeShort(run[i].length);
                    out.write(run[i]);
                    written += 2 + run[i].length;
                    run[i] = null;
                }
            }
            starts[count] = written;
        }
        return starts;
    }

    private void merge(Path runs, long[] starts, SortedEpcs.EpcBytes consumer) throws IOException {
        int count = starts.length - 1;
        // a window holds at least one whole entry (a canonical form has at most ~1.5 KB)
        int window = Math.max(4 * 1024, Math.min(64 * 1024, MERGE_BUDGET / Math.max(1, count)));
        try (FileChannel channel = FileChannel.open(runs, StandardOpenOption.READ)) {
            PriorityQueue<Run> heads = new PriorityQueue<>(Math.max(1, count), (a, b) -> Arrays.compareUnsigned(a.head, 0, a.headLength, b.head, 0, b.headLength));
            for (int r = 0; r < count; r++) {
                Run run = new Run(channel, starts[r], starts[r + 1], window);
                if (run.advance()) {
                    heads.add(run);
                }
            }
            Run run;
            while ((run = heads.poll()) != null) {
                consumer.accept(run.head, 0, run.headLength);
                if (run.advance()) {
                    heads.add(run);
                }
            }
        }
    }

    /** One sorted run, read through a window of the runs file. */
    private static final class Run {
        private final FileChannel channel;
        private final ByteBuffer buffer;
        private long position;
        private final long end;
        byte[] head = new byte[64];
        int headLength;

        Run(FileChannel channel, long start, long end, int window) {
            this.channel = channel;
            this.position = start;
            this.end = end;
            this.buffer = ByteBuffer.allocate(window);
            buffer.limit(0);
        }

        /** Reads the next entry into {@link #head}; false at the run's end. */
        boolean advance() throws IOException {
            if (!fill(2)) {
                return false;
            }
            int length = buffer.getShort() & 0xffff;
            if (!fill(length)) {
                throw new IOException("the sorted EPC run ends inside an entry");
            }
            if (length > head.length) {
                head = new byte[Math.max(length, head.length * 2)];
            }
            buffer.get(head, 0, length);
            headLength = length;
            return true;
        }

        /** Makes {@code n} bytes available in the buffer; false when the run has fewer left. */
        private boolean fill(int n) throws IOException {
            if (buffer.remaining() >= n) {
                return true;
            }
            if (n > buffer.capacity()) {
                throw new IOException("a sorted EPC entry of " + n + " bytes does not fit the merge window of " + buffer.capacity());
            }
            buffer.compact();
            while (buffer.position() < n && position < end) {
                int max = (int) Math.min(buffer.remaining(), end - position);
                ByteBuffer slice = buffer.slice().limit(max);
                int read = channel.read(slice, position);
                if (read < 0) {
                    break;
                }
                position += read;
                buffer.position(buffer.position() + read);
            }
            buffer.flip();
            return buffer.remaining() >= n;
        }
    }
}
