package io.cmohub.connector.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmohub.connector.FieldError;
import io.cmohub.connector.RecordSink;
import io.cmohub.connector.limits.RecordLimits;
import io.cmohub.model.CanonicalRecord;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {
    private final List<String> failures = new ArrayList<>();
    private final List<String> rejections = new ArrayList<>();
    private final RecordSink sink = new RecordSink() {
        @Override
        public void accepted(String location, List<CanonicalRecord> records) {
        }

        @Override
        public void rejected(String location, List<FieldError> errors) {
            errors.forEach(e -> rejections.add(location + ": " + e.reason()));
        }

        @Override
        public void failed(String location, FieldError error) {
            failures.add(location + ": " + error.reason());
        }
    };

    private final CsvRows csv = new CsvRows(';', '"', StandardCharsets.UTF_8, "set the encoding");

    @Test
    void rowsComeWithTheLineTheyStartOnAndWithoutTheSpreadsheetByteOrderMark() throws Exception {
        List<CsvRows.Row> rows = new ArrayList<>();
        long count = csv.read(in("\uFEFFa;b\n1;\"two\nlines\"\n\n3;4\n"), RecordLimits.DEFAULT, sink, rows::add);
        assertThat(count).isEqualTo(3);
        assertThat(rows).extracting(CsvRows.Row::cells).containsExactly(List.of("a", "b"), List.of("1", "two\nlines"), List.of("3", "4"));
        assertThat(rows).extracting(CsvRows.Row::location).containsExactly("line 1", "line 2", "line 5");
        assertThat(failures).isEmpty();
    }

    @Test
    void theHandlerStopsTheReading() throws Exception {
        List<CsvRows.Row> rows = new ArrayList<>();
        csv.read(in("a;b\n1;2\n3;4\n"), RecordLimits.DEFAULT, sink, row -> rows.add(row) && rows.size() < 2);
        assertThat(rows).hasSize(2);
    }

    @Test
    void anEmptyDocumentHasNoRows() throws Exception {
        assertThat(csv.read(in(""), RecordLimits.DEFAULT, sink, row -> true)).isZero();
        assertThat(failures).isEmpty();
    }

    @Test
    void bytesInvalidInTheEncodingFailTheDocumentAtTheirLineWithTheHint() throws Exception {
        byte[] latin1 = "a;b\n1;2\nM\u00fcller;3\n".getBytes(StandardCharsets.ISO_8859_1);
        csv.read(new ByteArrayInputStream(latin1), RecordLimits.DEFAULT, sink, row -> true);
        assertThat(failures).singleElement().satisfies(f -> assertThat(f).startsWith("line ").contains("not valid UTF-8", "set the encoding"));
    }

    @Test
    void malformedCsvFailsTheDocument() throws Exception {
        csv.read(in("a;b\n\"open quote;2\n"), RecordLimits.DEFAULT, sink, row -> true);
        assertThat(failures).singleElement().satisfies(f -> assertThat(f).contains("malformed CSV"));
    }

    private static ByteArrayInputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRowOverTheCellOrCharacterLimitIsRejectedWithoutBeingKeptAndTheNextRowIsRead() throws Exception {
        List<CsvRows.Row> rows = new ArrayList<>();
        RecordLimits limits = new RecordLimits(5, 20, 10);
        String wide = ";".repeat(200_000);
        long count = csv.read(in("a;b\n1;2\n" + wide + "\n" + "x".repeat(30) + "\n3;4\n"), limits, sink, rows::add);

        assertThat(rows).extracting(CsvRows.Row::cells).containsExactly(List.of("a", "b"), List.of("1", "2"), List.of("3", "4"));
        assertThat(count).isEqualTo(5);
        assertThat(rejections).containsExactly(
                "line 3: the row has 200,001 cells, more than 5 (limit cmohub.limits.max-cells-per-row)",
                "line 4: the row has 30 characters, more than 20 (limit cmohub.limits.max-record-bytes)");
    }

    @Test
    void aFirstRowOverTheLimitFailsTheDocument() throws Exception {
        csv.read(in(";".repeat(10) + "\n1;2\n"), new RecordLimits(5, 1000, 10), sink, row -> true);
        assertThat(failures).containsExactly("line 1: the first row has 11 cells, more than 5 (limit cmohub.limits.max-cells-per-row); the document was not read further");
    }
}
