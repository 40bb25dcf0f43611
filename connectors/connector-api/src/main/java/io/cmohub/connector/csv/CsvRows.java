package io.cmohub.connector.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.cmohub.connector.FieldError;
import io.cmohub.connector.RecordSink;
import io.cmohub.connector.limits.RecordLimits;
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
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Objects;

/**
 * The CSV row loop the CSV connectors share: Jackson CSV streamed token by token, one row in memory at a
 * time, each row with the line it starts on, the spreadsheet byte-order mark taken off the first cell,
 * bytes invalid in the declared encoding and malformed CSV reported as a failure of the document at the
 * line where they occur. What a row means (header, columns, records) stays with the connector.
 */
public final class CsvRows {
    private static final CsvMapper CSV = CsvMapper.builder(CsvFactory.builder().streamReadConstraints(CanonicalJson.constraints(CodecLimits.DEFAULT)).build())
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private final CsvSchema schema;
    private final Charset encoding;
    private final String encodingHint;

    /**
     * @param encodingHint what the CMO's integration engineer changes when the encoding is wrong, e.g.
     *                     "set the connector's encoding", quoted in the failure
     */
    public CsvRows(char delimiter, char quote, Charset encoding, String encodingHint) {
        this.schema = CsvSchema.emptySchema().withColumnSeparator(delimiter).withQuoteChar(quote);
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        this.encodingHint = Objects.requireNonNull(encodingHint, "encodingHint");
    }

    /** One row as written: its cells and the line it starts on (a quoted cell may span lines). */
    public record Row(long line, List<String> cells) {
        public String location() {
            return "line " + line;
        }
    }

    /** Takes each row in order; answers false to stop reading (e.g. after a header that failed the document). */
    @FunctionalInterface
    public interface RowHandler {
        boolean row(Row row) throws IOException;
    }

    /**
     * Streams the rows of {@code in} to {@code rows} and returns how many it handed over; 0 for a
     * document without any row. An encoding or CSV syntax error is reported to {@code sink} as a
     * failure of the document and ends the reading.
     */
    public long read(InputStream in, RecordLimits limits, RecordSink sink, RowHandler rows) throws IOException {
        var decoder = encoding.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        long line = 1;
        long count = 0;
        try (CsvParser parser = (CsvParser) CSV.getFactory().createParser(new BufferedReader(new InputStreamReader(in, decoder)))) {
            parser.setSchema(schema);
            // WRAP_AS_ARRAY wraps the document in one outer array holding one inner array per row.
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return 0;
            }
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                List<String> cells = new ArrayList<>();
                long rowLine = -1;
                long cellCount = 0;
                long characters = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (rowLine < 0) {
                        rowLine = parser.currentTokenLocation().getLineNr();
                    }
                    // Past a limit the rest of the row is read through without being kept: one row of
                    // millions of cells costs time, never memory, and the next row is read as usual.
                    cellCount++;
                    characters += parser.getTextLength();
                    if (cellCount <= limits.maxCellsPerRow() && characters <= limits.maxRecordBytes()) {
                        cells.add(parser.getText());
                    }
                }
                line = rowLine < 0 ? line : rowLine;
                Optional<String> tooLarge = tooLarge(cellCount, characters, limits);
                if (tooLarge.isPresent()) {
                    if (count == 0) {
                        sink.failed("line " + line, new FieldError(null, "the first row " + tooLarge.get() + "; the document was not read further"));
                        return 0;
                    }
                    count++;
                    sink.rejected("line " + line, List.of(new FieldError(null, "the row " + tooLarge.get())));
                    continue;
                }
                if (count == 0 && !cells.isEmpty() && cells.get(0).startsWith("\uFEFF")) {
                    cells.set(0, cells.get(0).substring(1)); // byte-order mark written by spreadsheet tools
                }
                count++;
                if (!rows.row(new Row(line, cells))) {
                    break;
                }
            }
        } catch (CharacterCodingException e) {
            sink.failed("line " + line, new FieldError(null, "the document is not valid " + encoding.name() + " near line " + line + " (" + encodingHint
                    + " if the CMO exports another character set)"));
        } catch (JsonProcessingException e) {
            sink.failed("line " + (e.getLocation() == null ? line : e.getLocation().getLineNr()), new FieldError(null, "malformed CSV: " + e.getOriginalMessage()));
        }
        return count;
    }

    private static Optional<String> tooLarge(long cells, long characters, RecordLimits limits) {
        NumberFormat number = NumberFormat.getIntegerInstance(Locale.ROOT);
        if (cells > limits.maxCellsPerRow()) {
            return Optional.of("has " + number.format(cells) + " cells, more than " + number.format(limits.maxCellsPerRow())
                    + " (limit cmohub.limits.max-cells-per-row)");
        }
        if (characters > limits.maxRecordBytes()) {
            return Optional.of("has " + number.format(characters) + " characters, more than " + number.format(limits.maxRecordBytes())
                    + " (limit cmohub.limits.max-record-bytes)");
        }
        return Optional.empty();
    }
}
