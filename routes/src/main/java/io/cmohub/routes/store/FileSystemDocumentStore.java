package io.cmohub.routes.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Keeps documents as files under a root directory: written to a temporary file while the SHA-256
 * is computed, forced to disk, then moved into place atomically, so a crash leaves either the
 * whole document or nothing.
 */
public final class FileSystemDocumentStore implements DocumentStore {
    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");

    private final Path root;
    private final Path incoming;

    public FileSystemDocumentStore(Path root) throws IOException {
        this.root = root;
        this.incoming = root.resolve(".incoming");
        Files.createDirectories(incoming);
    }

    @Override
    public StoredDocument store(InputStream content, long maxBytes) throws IOException {
        String id = UUID.randomUUID().toString();
        Path temporary = incoming.resolve(id + ".part");
        MessageDigest sha256 = Sha256.newDigest();
        long size = 0;
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = content.read(buffer)) >= 0) {
                size += read;
                if (size > maxBytes) {
                    throw new DocumentTooLargeException(maxBytes);
                }
                sha256.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
            out.flush();
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Path target = path(id);
        Files.createDirectories(target.getParent());
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(target.getParent());
        return new StoredDocument(id, Sha256.hex(sha256), size);
    }

    @Override
    public void discard(String documentId) throws IOException {
        Files.deleteIfExists(path(documentId));
    }

    @Override
    public InputStream open(String documentId) throws IOException {
        if (!ID.matcher(documentId).matches()) {
            throw new NoSuchFileException("no document " + documentId);
        }
        return Files.newInputStream(path(documentId));
    }

    /** The rename is durable only once the directory entry is on disk (matters for power loss, not for a killed process). */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory for syncing; the file itself was forced already.
        }
    }

    private Path path(String id) {
        // Two-level fan-out keeps directories small after millions of documents.
        return root.resolve(id.substring(0, 2)).resolve(id);
    }

}
