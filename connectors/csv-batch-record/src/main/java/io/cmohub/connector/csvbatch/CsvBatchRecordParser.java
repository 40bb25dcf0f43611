package io.cmohub.connector.csvbatch;

import io.cmohub.connector.csv.CsvRows;
import io.cmohub.connector.DocumentContext;
import io.cmohub.connector.DocumentParser;
import io.cmohub.connector.FieldError;
import io.cmohub.connector.MappedFields;
import io.cmohub.connector.RecordSink;
import io.cmohub.model.Batch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the CSV token by token with Jackson CSV: one row in memory at a time. The header is
 * checked first (required columns present, no unknown or repeated columns); then every row is
 * mapped and reported with its line number.
 */
final class CsvBatchRecordParser implements DocumentParser {
    private final CsvRows csv;
    private final BatchRowMapper mapper;

    CsvBatchRecordParser(char delimiter, char quote, Charset charset, BatchRowMapper mapper) {
        this.csv = new CsvRows(delimiter, quote, charset, "set the connector's encoding");
        this.mapper = mapper;
    }

    @Override
    public void parse(InputStream in, DocumentContext context, RecordSink sink) throws IOException {
        List<List<BatchRecordColumn>> columns = new ArrayList<>(1);
        long rows = csv.read(in, context.limits(), sink, row -> {
            if (columns.isEmpty()) {
                List<BatchRecordColumn> header = header(row.cells(), row.line(), sink);
                if (header == null) {
                    return false;
                }
                columns.add(header);
                return true;
            }
            row(columns.get(0), row.cells(), row.location(), context, sink);
            return true;
        });
        if (rows == 0) {
            sink.failed("line 1", new FieldError(null, "the document is empty; expected a header row with the columns " + BatchRecordColumn.headers()));
        }
    }

    private static List<BatchRecordColumn> header(List<String> cells, long line, RecordSink sink) {
        List<BatchRecordColumn> columns = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String header = cells.get(i).strip();
            var column = BatchRecordColumn.ofHeader(header);
            if (column.isEmpty()) {
                sink.failed("line " + line, new FieldError(header, "unknown column '" + header + "'; " + CsvBatchRecordConnector.ID
                        + " has the columns " + BatchRecordColumn.headers()));
                return null;
            }
            if (columns.contains(column.get())) {
                sink.failed("line " + line, new FieldError(header, "column '" + header + "' appears twice in the header"));
                return null;
            }
            columns.add(column.get());
        }
        for (BatchRecordColumn required : BatchRecordColumn.values()) {
            if (required.required && !columns.contains(required)) {
                sink.failed("line " + line, new FieldError(required.header, "required column '" + required.header + "' is missing from the header"));
                return null;
            }
        }
        return columns;
    }

    private void row(List<BatchRecordColumn> columns, List<String> cells, String location, DocumentContext context, RecordSink sink) {
        if (cells.size() != columns.size()) {
            sink.rejected(location, List.of(new FieldError(null, "the row has " + cells.size() + " cells but the header has " + columns.size()
                    + " columns (check the delimiter and quoting)")));
            return;
        }
        Map<BatchRecordColumn, String> row = new EnumMap<>(BatchRecordColumn.class);
        for (int i = 0; i < cells.size(); i++) {
            row.put(columns.get(i), cells.get(i));
        }
        MappedFields fields = new MappedFields();
        Batch batch = mapper.map(row, context.partner(), fields);
        if (batch == null) {
            sink.rejected(location, fields.errors());
        } else {
            sink.accepted(location, List.of(batch));
        }
    }
}
