package io.cmohub.connector;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A document that can be opened more than once. Rejecting a whole document for one bad record
 * without holding it in memory takes two streaming passes: validate, then deliver.
 */
@FunctionalInterface
public interface DocumentSource {
    InputStream open() throws IOException;

    static DocumentSource of(Path file) {
        return () -> Files.newInputStream(file);
    }

    static DocumentSource of(byte[] bytes) {
        return () -> new java.io.ByteArrayInputStream(bytes);
    }
}
