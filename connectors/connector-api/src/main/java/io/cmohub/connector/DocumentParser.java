package io.cmohub.connector;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one document and reports, record by record, what it found. Parsers stream: they must not
 * hold the whole document (or all its records) in memory, whatever its size. A parser is
 * reusable and thread-safe across documents (it holds configuration, not state).
 */
public interface DocumentParser {

    /**
     * Reads {@code in} to its end (or to the first document-level error) and reports every source
     * record to {@code sink}. Bad input is reported, never thrown: only an I/O failure of the stream
     * itself escapes as an exception.
     */
    void parse(InputStream in, DocumentContext context, RecordSink sink) throws IOException;
}
