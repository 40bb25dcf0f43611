package io.cmohub.routes.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * Checkpoints of the audit chain's head kept outside the database: an append-only file of lines
 * {@code <seq> <hash> <at> <keyId> <seal>}, each sealed with the audit key. Whoever rewrites or cuts the
 * chain in the database cannot make it agree with the last checkpoint: verification finds a chain
 * shorter than the checkpoint (truncated) or a row whose hash differs from the checkpoint's (rewritten).
 * Copy the file off the host (or point it at storage the database administrators cannot write) for
 * the strongest separation.
 */
public final class AuditAnchor {
    private final Path file;
    private final AuditKeyring keys;

    public AuditAnchor(Path file, AuditKeyring keys) {
        this.file = file;
        this.keys = keys;
    }

    /** One checkpoint: the chain had {@code seq} rows, the last with {@code hash}, at {@code at}. */
    public record Checkpoint(long seq, String hash, Instant at) {
    }

    public Path file() {
        return file;
    }

    /** The file's last non-blank line, read from its end: the file grows by a line every anchor period, for years. */
    private String lastLine() throws IOException {
        try (java.io.RandomAccessFile in = new java.io.RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int tail = (int) Math.min(length, 4096); // a checkpoint line is about 200 bytes
            byte[] bytes = new byte[tail];
            in.seek(length - tail);
            in.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.US_ASCII).split("\n");
            for (int i = lines.length - 1; i >= 0; i--) {
                if (!lines[i].isBlank()) {
                    return lines[i].strip();
                }
            }
            return null;
        }
    }

    /** Appends a checkpoint of the head, unless the last one already has this head. */
    public synchronized void write(long seq, String hash) throws IOException {
        Optional<Checkpoint> last = last();
        if (last.isPresent() && last.get().seq() == seq) {
            return;
        }
        Instant at = Instant.now();
        AuditKey key = keys.current();
        String body = seq + " " + hash + " " + at + " " + key.id();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, body + " " + key.seal(body) + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.SYNC);
    }

    /**
     * The last checkpoint, empty when none was written yet.
     *
     * @throws IllegalStateException when the last line is not sealed by a configured key (the file was edited)
     */
    public Optional<Checkpoint> last() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String line = lastLine();
        if (line == null) {
            return Optional.empty();
        }
        String[] parts = line.split(" ");
        if (parts.length != 5) {
            throw new IllegalStateException("the last line of the audit anchor " + file + " is not a checkpoint");
        }
        String body = String.join(" ", parts[0], parts[1], parts[2], parts[3]);
        Optional<AuditKey> key = keys.find(parts[3]);
        if (key.isEmpty() || !java.security.MessageDigest.isEqual(key.get().seal(body).getBytes(StandardCharsets.US_ASCII),
                parts[4].getBytes(StandardCharsets.US_ASCII))) {
            throw new IllegalStateException("the last checkpoint in the audit anchor " + file + " is not sealed by a configured audit key (edited?)");
        }
        return Optional.of(new Checkpoint(Long.parseLong(parts[0]), parts[1], Instant.parse(parts[2])));
    }
}
