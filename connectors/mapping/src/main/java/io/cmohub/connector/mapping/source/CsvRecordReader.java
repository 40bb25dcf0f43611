package io.cmohub.connector.mapping.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.cmohub.connector.FieldError;
import io.cmohub.connector.RecordSink;
import io.cmohub.connector.mapping.definition.SourceSpec;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.codec.CodecLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Delimited text with Jackson CSV, streamed row by row; the header is checked against the mapping before any row. */
final class CsvRecordReader implements RecordReader {
    private static final CsvMapper CSV = CsvMapper.builder(CsvFactory.builder().streamReadConstraints(CanonicalJson.constraints(CodecLimits.DEFAULT)).build())
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private final SourceSpec.Csv spec;
    private final Map<String, Integer> referenced;
    private final CsvSchema schema;

    CsvRecordReader(SourceSpec.Csv spec, Map<String, Integer> referenced) {
        this.spec = spec;
        this.referenced = referenced;
        this.schema = CsvSchema.emptySchema().withColumnSeparator(spec.delimiter()).withQuoteChar(spec.quote());
    }

    @Override
    public void read(InputStream in, RecordSink sink, Consumer<SourceRecord> records) throws IOException {
        var decoder = spec.encoding().newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        long line = 1;
        try (CsvParser parser = (CsvParser) CSV.getFactory().createParser(new BufferedReader(new InputStreamReader(in, decoder)))) {
            parser.setSchema(schema);
            List<String> header = spec.header().isEmpty() ? null : spec.header();
            if (header != null && !checkHeader(header, 1, sink)) {
                return;
            }
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                sink.failed("line 1", new FieldError(null, "the document is empty"));
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
                if (header == null) {
                    header = cells.stream().map(String::strip).toList();
                    if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                        // byte-order mark written by spreadsheet tools
                        header = new ArrayList<>(header);
                        header.set(0, header.get(0).substring(1));
                    }
                    if (!checkHeader(header, line, sink)) {
                        return;
                    }
                    continue;
                }
                String location = "line " + line;
                if (cells.stream().allMatch(String::isBlank)) {
                    // ";;;;" rows are what spreadsheet tools leave below the data: empty lines, not records
                    continue;
                }
                if (cells.size() != header.size()) {
                    sink.rejected(location, List.of(new FieldError(null, "the row has " + cells.size() + " cells but the header has " + header.size()
                            + " columns (check the delimiter and quoting)")));
                    continue;
                }
                Map<String, String> fields = new HashMap<>(header.size() * 2);
                for (int i = 0; i < cells.size(); i++) {
                    fields.put(header.get(i), cells.get(i));
                }
                records.accept(new SourceRecord(location, fields));
            }
            if (header == null) {
                sink.failed("line 1", new FieldError(null, "the document has no header row"));
            }
        } catch (CharacterCodingException e) {
            sink.failed("line " + line, new FieldError(null, "the document is not valid " + spec.encoding().name() + " near line " + line
                    + " (set source.encoding in the mapping if the CMO exports another character set)"));
        } catch (JsonProcessingException e) {
            sink.failed("line " + (e.getLocation() == null ? line : e.getLocation().getLineNr()), new FieldError(null, "malformed CSV: " + e.getOriginalMessage()));
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
        return true;
    }
}
