package io.cmohub.connector.csvbatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.cmohub.connector.DocumentContext;
import io.cmohub.connector.DocumentParser;
import io.cmohub.connector.FieldError;
import io.cmohub.connector.MappedFields;
import io.cmohub.connector.RecordSink;
import io.cmohub.model.Batch;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.codec.CodecLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
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
    private static final CsvMapper CSV = CsvMapper.builder(
                    com.fasterxml.jackson.dataformat.csv.CsvFactory.builder().streamReadConstraints(CanonicalJson.constraints(CodecLimits.DEFAULT)).build())
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private final CsvSchema schema;
    private final Charset charset;
    private final BatchRowMapper mapper;

    CsvBatchRecordParser(char delimiter, char quote, Charset charset, BatchRowMapper mapper) {
        this.schema = CsvSchema.emptySchema().withColumnSeparator(delimiter).withQuoteChar(quote);
        this.charset = charset;
        this.mapper = mapper;
    }

    @Override
    public void parse(InputStream in, DocumentContext context, RecordSink sink) throws IOException {
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        long line = 1;
        try (CsvParser parser = (CsvParser) CSV.getFactory().createParser(new BufferedReader(new InputStreamReader(in, decoder)))) {
            parser.setSchema(schema);
            List<BatchRecordColumn> columns = null;
            // WRAP_AS_ARRAY wraps the document in one outer array holding one inner array per row.
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                sink.failed("line 1", new FieldError(null, "the document is empty; expected a header row with the columns " + BatchRecordColumn.headers()));
                return;
            }
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                List<String> cells = new ArrayList<>();
                long rowLine = -1;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (rowLine < 0) {
                        rowLine = parser.currentTokenLocation().getLineNr();
                    }
                    cells.add(parser.getText());
                }
                line = rowLine < 0 ? line : rowLine;
                if (columns == null) {
                    columns = header(cells, line, sink);
                    if (columns == null) {
                        return;
                    }
                    continue;
                }
                row(columns, cells, "line " + line, context, sink);
            }
            if (columns == null) {
                sink.failed("line 1", new FieldError(null, "the document has no header row; expected the columns " + BatchRecordColumn.headers()));
            }
        } catch (CharacterCodingException e) {
            sink.failed("line " + line, new FieldError(null, "the document is not valid " + charset.name() + " near line " + line
                    + " (set the connector's encoding if the CMO exports another character set)"));
        } catch (JsonProcessingException e) {
            sink.failed("line " + (e.getLocation() == null ? line : e.getLocation().getLineNr()),
                    new FieldError(null, "malformed CSV: " + e.getOriginalMessage()));
        }
    }

    private static List<BatchRecordColumn> header(List<String> cells, long line, RecordSink sink) {
        List<BatchRecordColumn> columns = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1); // byte-order mark written by spreadsheet tools
            }
            String header = name;
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
