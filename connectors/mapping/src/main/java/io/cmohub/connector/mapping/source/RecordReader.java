package io.cmohub.connector.mapping.source;

import io.cmohub.connector.RecordSink;
import io.cmohub.connector.mapping.definition.SourceSpec;
import io.cmohub.connector.limits.RecordLimits;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams the records of one document, one in memory at a time. A record that cannot be read as a
 * record (a row with too many cells, a JSON value that is not an object) is rejected on
 * {@code sink}; a document that cannot be read at all ends in {@code sink.failed}.
 */
public interface RecordReader {

    /** Reads {@code in} record by record, each bounded by {@code limits}. */
    void read(InputStream in, RecordLimits limits, RecordSink sink, Consumer<SourceRecord> records) throws IOException;

    /**
     * A reader for {@code spec}.
     *
     * @param referenced the source fields the mapping reads, with the mapping line that names each:
     *                   a CSV header lacking one is refused before any row is mapped
     */
    static RecordReader of(SourceSpec spec, Map<String, Integer> referenced) {
        if (spec instanceof SourceSpec.Csv csv) {
            return new CsvRecordReader(csv, referenced);
        }
        if (spec instanceof SourceSpec.Json json) {
            return new JsonRecordReader(json);
        }
        return new XmlRecordReader((SourceSpec.Xml) spec);
    }
}
