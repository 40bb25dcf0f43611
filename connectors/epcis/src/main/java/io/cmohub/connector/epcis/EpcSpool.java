package io.cmohub.connector.epcis;

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
 * The EPCs of one list of one event, as written, with their fingerprints. An event is accepted or
 * rejected as a whole, and only at its end, so its EPCs must be kept until then; a commissioning
 * event may list a million. Up to {@code memoryLimit} EPCs stay in memory; beyond that they go to a
 * temporary file, read back one chunk at a time. Fingerprints (8 bytes each) stay in memory.
 */
final class EpcSpool implements AutoCloseable {
    private final int chunkSize;
    private final int memoryLimit;
    private List<String> inMemory = new ArrayList<>();
    private long[] fingerprints = new long[64];
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

    void add(String epc, long fingerprint) {
        if (size == fingerprints.length) {
            fingerprints = Arrays.copyOf(fingerprints, size * 2);
        }
        fingerprints[size] = fingerprint;
        if (file == null && size < memoryLimit) {
            inMemory.add(epc);
        } else {
            spill(epc);
        }
        size++;
    }

    int size() {
        return size;
    }

    long fingerprint(int index) {
        return fingerprints[index];
    }

    String epc(int index) {
        if (file == null) {
            return inMemory.get(index);
        }
        return chunk(index / chunkSize).get(index % chunkSize);
    }

    int chunkCount() {
        return (size + chunkSize - 1) / chunkSize;
    }

    /** EPCs {@code k * chunkSize} up to the next chunk boundary. */
    List<String> chunk(int k) {
        int from = k * chunkSize;
        int to = Math.min(size, from + chunkSize);
        if (file == null) {
            return inMemory.subList(from, to);
        }
        try {
            out.flush();
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                raf.seek(chunkOffsets[k]);
                DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Channels.newInputStream(raf.getChannel()), 64 * 1024));
                List<String> epcs = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    epcs.add(in.readUTF());
                }
                return epcs;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the EPC spool file " + file + " could not be read back", e);
        }
    }

    private void spill(String epc) {
        try {
            if (file == null) {
                file = Files.createTempFile("cmohub-epcis-", ".epcs");
                out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024));
                chunkOffsets = new long[16];
                List<String> earlier = inMemory;
                inMemory = null;
                for (int i = 0; i < earlier.size(); i++) {
                    write(i, earlier.get(i));
                }
            }
            write(size, epc);
        } catch (IOException e) {
            throw new UncheckedIOException("a large EPCIS event could not be spooled to a temporary file", e);
        }
    }

    private void write(int index, String epc) throws IOException {
        if (index % chunkSize == 0) {
            int k = index / chunkSize;
            if (k == chunkOffsets.length) {
                chunkOffsets = Arrays.copyOf(chunkOffsets, k * 2);
            }
            chunkOffsets[k] = written;
        }
        int before = out.size();
        out.writeUTF(epc);
        // DataOutputStream.size() is an int that wraps after 2 GB; the difference stays right.
        written += out.size() - before;
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
