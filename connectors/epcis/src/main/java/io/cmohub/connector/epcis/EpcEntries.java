package io.cmohub.connector.epcis;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The entries of one EPC list as the document writes them, kept from where the reader meets them
 * until the event's end, when {@link EventAssembler} reads them (identifier rules, canonical form,
 * fingerprint) — possibly on another thread than the reader's. Up to {@code memoryLimit} entries
 * stay in memory, beyond that all go to a temporary file. Reused from event to event.
 */
final class EpcEntries implements AutoCloseable {
    private final int memoryLimit;
    private final List<String> inMemory = new ArrayList<>();
    private int size;
    private Path file;
    private DataOutputStream out;

    EpcEntries(int memoryLimit) {
        this.memoryLimit = memoryLimit;
    }

    void add(String entry) {
        if (file == null && size < memoryLimit) {
            inMemory.add(entry);
        } else {
            spill(entry);
        }
        size++;
    }

    int size() {
        return size;
    }

    /** The entries in document order. */
    void forEach(Consumer<String> action) {
        if (file == null) {
            inMemory.forEach(action);
            return;
        }
        try {
            out.flush();
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024))) {
                for (int i = 0; i < size; i++) {
                    action.accept(in.readUTF());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the EPC list file " + file + " could not be read back", e);
        }
    }

    /** Empties the list for the next event. */
    void clear() {
        inMemory.clear();
        size = 0;
        close();
    }

    private void spill(String entry) {
        try {
            if (file == null) {
                file = Files.createTempFile("cmohub-epcis-", ".entries");
                out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024));
                for (String earlier : inMemory) {
                    out.writeUTF(earlier);
                }
                inMemory.clear();
            }
            // an entry is at most the XML/JSON text limit; writeUTF takes 65,535 bytes, EPCs are at most 512 characters
            out.writeUTF(entry.length() > 4096 ? entry.substring(0, 4096) : entry);
        } catch (IOException e) {
            throw new UncheckedIOException("a large EPCIS event could not be spooled to a temporary file", e);
        }
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                out.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("the EPC list file " + file + " could not be removed", e);
            } finally {
                file = null;
                out = null;
            }
        }
    }
}
