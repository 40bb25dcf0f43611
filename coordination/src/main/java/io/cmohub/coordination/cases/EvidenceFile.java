package io.cmohub.coordination.cases;

import java.io.InputStream;
import java.util.Objects;

/** A file a CMO sends as evidence. {@code content} is read once, into the document store, before anything is recorded. */
public record EvidenceFile(String fileName, InputStream content) {
    public EvidenceFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(content, "content");
        if (fileName.isBlank() || fileName.length() > 255) {
            throw new IllegalArgumentException("file name must be 1-255 characters");
        }
    }
}
