package io.cmohub.connector.mapping.definition;

import java.nio.charset.Charset;
import java.util.List;

/** How the records of a document are found. Field references ({@code from}) name columns, JSON paths or XML paths accordingly. */
public sealed interface SourceSpec {

    Charset encoding();

    /** The media type the format is delivered as. */
    String mediaType();

    /**
     * Delimited text, one record per row.
     *
     * @param header column names when the file has no header row; empty when the first row is the header
     */
    record Csv(Charset encoding, char delimiter, char quote, List<String> header) implements SourceSpec {
        public Csv {
            header = List.copyOf(header);
        }

        @Override
        public String mediaType() {
            return "text/csv";
        }
    }

    /**
     * JSON: the elements of the array at {@code records} (a JSON pointer; empty for a top-level array),
     * or one object per line when {@code lines} is set. Fields are dotted paths into a record, e.g.
     * {@code lot.expiry}; array elements by index, e.g. {@code results.0.value}.
     */
    record Json(Charset encoding, String records, boolean lines) implements SourceSpec {
        @Override
        public String mediaType() {
            return lines ? "application/x-ndjson" : "application/json";
        }
    }

    /**
     * XML: every element named {@code record} (local name, at any depth) is a record. Fields are
     * paths below it: {@code Lot/Expiry}, attributes as {@code @status} or {@code Lot/@id}, the
     * record's own text as {@code .}.
     */
    record Xml(Charset encoding, String record) implements SourceSpec {
        @Override
        public String mediaType() {
            return "application/xml";
        }
    }
}
