package io.cmohub.connector.mapping.source;

import io.cmohub.connector.csv.CsvRows;
import io.cmohub.connector.FieldError;
import io.cmohub.connector.RecordSink;
import io.cmohub.connector.mapping.definition.SourceSpec;
import io.cmohub.connector.limits.RecordLimits;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Delimited text with Jackson CSV, streamed row by row; the header is checked against the mapping before any row. */
final class CsvRecordReader implements RecordReader {
    private final SourceSpec.Csv spec;
    private final Map<String, Integer> referenced;
    private final CsvRows csv;

    CsvRecordReader(SourceSpec.Csv spec, Map<String, Integer> referenced) {
        this.spec = spec;
        this.referenced = referenced;
        this.csv = new CsvRows(spec.delimiter(), spec.quote(), spec.encoding(), "set source.encoding in the mapping");
    }

    @Override
    public void read(InputStream in, RecordLimits limits, RecordSink sink, Consumer<SourceRecord> records) throws IOException {
        List<List<String>> header = new ArrayList<>(1);
        if (!spec.header().isEmpty()) {
            if (!checkHeader(spec.header(), 1, sink)) {
                return;
            }
            header.add(spec.header());
        }
        long rows = csv.read(in, limits, sink, row -> {
            List<String> cells = row.cells();
            if (header.isEmpty()) {
                List<String> names = cells.stream().map(String::strip).toList();
                if (!checkHeader(names, row.line(), sink)) {
                    return false;
                }
                header.add(names);
                return true;
            }
            if (cells.stream().allMatch(String::isBlank)) {
                // ";;;;" rows are what spreadsheet tools leave below the data: empty lines, not records
                return true;
            }
            List<String> names = header.get(0);
            if (cells.size() != names.size()) {
                sink.rejected(row.location(), List.of(new FieldError(null, "the row has " + cells.size() + " cells but the header has " + names.size()
                        + " columns (check the delimiter and quoting)")));
                return true;
            }
            Map<String, String> fields = new HashMap<>(names.size() * 2);
            for (int i = 0; i < cells.size(); i++) {
                fields.put(names.get(i), cells.get(i));
            }
            records.accept(new SourceRecord(row.location(), fields));
            return true;
        });
        if (rows == 0) {
            sink.failed("line 1", new FieldError(null, spec.header().isEmpty() ? "the document is empty; expected a header row" : "the document is empty"));
        }
    }

    private boolean checkHeader(List<String> header, long line, RecordSink sink) {
        List<String> seen = new ArrayList<>();
        for (String column : header) {
            if (seen.contains(column)) {
                sink.failed("line " + line, new FieldError(column, "column '" + column + "' appears twice in the header"));
                return false;
            }
            seen.add(column);
        }
        for (Map.Entry<String, Integer> column : referenced.entrySet()) {
            if (!header.contains(column.getKey())) {
                sink.failed("line " + line, new FieldError(column.getKey(), "column '" + column.getKey() + "' (mapping line " + column.getValue()
                        + ") is missing from the header; the header has " + header));
                return false;
            }
        }
        List<String> unread = header.stream().filter(column -> !column.isBlank() && !referenced.containsKey(column)).toList();
        if (!unread.isEmpty()) {
            String listed = String.join(", ", unread.stream().limit(20).toList()) + (unread.size() > 20 ? " and " + (unread.size() - 20) + " more" : "");
            sink.notice("line " + line, unread.size() + (unread.size() == 1 ? " column is" : " columns are") + " not read by the mapping: " + listed
                    + "; what they hold is not imported (map them if it matters)");
        }
        return true;
    }
}
