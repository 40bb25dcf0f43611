package io.cmohub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmohub.model.BatchStatus;
import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.Batch;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The error policies, counting and the two-pass delivery, driven by a tiny line-per-record parser. */
class DocumentRunTest {
    private static final DocumentContext CONTEXT = new DocumentContext(PartnerId.of("acme-cmo"), "doc-1", Instant.EPOCH);

    /** One record per line: a batch id, or "!" for a bad record, or "FAIL" for an unreadable document. */
    private static final DocumentParser LINES = (in, context, sink) -> {
        String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if (line.equals("FAIL")) {
                sink.failed("line " + (i + 1), new FieldError(null, "unreadable"));
                return;
            }
            MappedFields fields = new MappedFields();
            BatchId batch = fields.required("batch", line, BatchId::of);
            Batch record = fields.build(() -> new Batch(ProductCode.of("05012345678900"), batch, BatchStatus.PLANNED, context.partner(), null,
                    null, null, null, null, null, null, null));
            if (fields.hasErrors()) {
                sink.rejected("line " + (i + 1), fields.errors());
            } else {
                sink.accepted("line " + (i + 1), List.of(record));
            }
        }
    };

    private static DocumentReport run(ErrorPolicy policy, String document, List<CanonicalRecord> delivered) throws Exception {
        return new DocumentRun("lines", LINES, policy).deliver(DocumentSource.of(document.getBytes(StandardCharsets.UTF_8)), CONTEXT, delivered::add);
    }

    @Test
    void allValidIsAccepted() throws Exception {
        List<CanonicalRecord> out = new ArrayList<>();
        DocumentReport report = run(ErrorPolicy.REJECT_DOCUMENT, "B1\nB2\n", out);
        assertThat(report.status()).isEqualTo(DocumentStatus.ACCEPTED);
        assertThat(report.sourceEvents()).isEqualTo(2);
        assertThat(report.canonicalRecords()).isEqualTo(2);
        assertThat(out).hasSize(2);
    }

    @Test
    void rejectDocumentDeliversNothingWhenOneRecordIsBad() throws Exception {
        List<CanonicalRecord> out = new ArrayList<>();
        DocumentReport report = run(ErrorPolicy.REJECT_DOCUMENT, "B1\nB 2\nB3\n", out);
        assertThat(report.status()).isEqualTo(DocumentStatus.REJECTED);
        assertThat(report.sourceEvents()).isEqualTo(3);
        assertThat(report.canonicalRecords()).isZero();
        assertThat(out).isEmpty();
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("line 2");
            assertThat(e.field()).isEqualTo("batch");
            assertThat(e.reason()).contains("character ' ' at position 2");
        });
    }

    @Test
    void acceptValidDeliversTheGoodOnes() throws Exception {
        List<CanonicalRecord> out = new ArrayList<>();
        DocumentReport report = run(ErrorPolicy.ACCEPT_VALID, "B1\nB 2\nB3\n", out);
        assertThat(report.status()).isEqualTo(DocumentStatus.PARTIALLY_ACCEPTED);
        assertThat(report.canonicalRecords()).isEqualTo(2);
        assertThat(out).extracting(r -> ((Batch) r).batchId().value()).containsExactly("B1", "B3");
    }

    @Test
    void unreadableOrEmptyDocumentsAreRejected() throws Exception {
        assertThat(run(ErrorPolicy.ACCEPT_VALID, "FAIL\n", new ArrayList<>()).status()).isEqualTo(DocumentStatus.REJECTED);
        DocumentReport empty = run(ErrorPolicy.ACCEPT_VALID, "", new ArrayList<>());
        assertThat(empty.status()).isEqualTo(DocumentStatus.REJECTED);
        assertThat(empty.errors()).extracting(RecordError::reason).containsExactly("the document holds no records");
    }

    @Test
    void aThrowingParserRejectsTheDocumentWithTheReason() throws Exception {
        DocumentParser broken = (in, context, sink) -> {
            throw new java.util.MissingResourceException("InvalidCharInDTD", "x", "y");
        };
        DocumentReport report = new DocumentRun("broken", broken, ErrorPolicy.ACCEPT_VALID).validate(DocumentSource.of(new byte[0]), CONTEXT);
        assertThat(report.status()).isEqualTo(DocumentStatus.REJECTED);
        assertThat(report.errors().get(0).reason()).contains("could not read the document").contains("InvalidCharInDTD");
    }

    @Test
    void errorListIsCappedButCounted() throws Exception {
        String bad = "B 1\n".repeat(DocumentRun.MAX_REPORTED_ERRORS + 5);
        DocumentReport report = run(ErrorPolicy.ACCEPT_VALID, bad, new ArrayList<>());
        assertThat(report.errors()).hasSize(DocumentRun.MAX_REPORTED_ERRORS);
        assertThat(report.errorsOmitted()).isEqualTo(5);
    }

    @Test
    void noticesAreReportedOnceEachAndCappedWithoutChangingTheOutcome() throws Exception {
        DocumentParser noting = (in, context, sink) -> {
            sink.notice("line 1", "the root element has no namespace");
            sink.notice("line 9", "the root element has no namespace");
            for (int i = 0; i < DocumentRun.MAX_NOTICES + 10; i++) {
                sink.notice("line " + i, "notice " + i);
            }
            LINES.parse(in, context, sink);
        };
        DocumentReport report = new DocumentRun("noting", noting, ErrorPolicy.REJECT_DOCUMENT)
                .validate(DocumentSource.of("B1\n".getBytes(StandardCharsets.UTF_8)), CONTEXT);
        assertThat(report.status()).isEqualTo(DocumentStatus.ACCEPTED);
        assertThat(report.notices()).hasSize(DocumentRun.MAX_NOTICES);
        assertThat(report.notices().get(0)).isEqualTo(new DocumentNotice("line 1", "the root element has no namespace"));
        assertThat(report.notices()).extracting(DocumentNotice::message).doesNotHaveDuplicates();
    }

    @Test
    void configIsCheckedAgainstTheDescriptor() {
        ConnectorDescriptor descriptor = new ConnectorDescriptor("x", "X", "X format", List.of("text/plain"), Set.of(), List.of(
                ConfigProperty.optional("delimiter", "Delimiter", "Field separator", ConfigProperty.Type.CHARACTER, ","),
                ConfigProperty.required("site", "Site", "Site id", ConfigProperty.Type.STRING),
                new ConfigProperty("api-key", "API key", "Key", ConfigProperty.Type.STRING, null, false, true, List.of())), ErrorPolicy.ACCEPT_VALID);

        assertThatThrownBy(() -> ConnectorConfig.of(descriptor, Map.of("delimiter", ";;", "colour", "red")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("'colour' is not a property")
                .hasMessageContaining("'site' is required")
                .hasMessageContaining("'delimiter' must be a single character");

        ConnectorConfig config = ConnectorConfig.of(descriptor, Map.of("site", "S1", "api-key", "s3cret", "delimiter", "\\t"));
        assertThat(config.character("delimiter")).isEqualTo('\t');
        assertThat(config.toString()).doesNotContain("s3cret").contains("****");
        assertThatThrownBy(() -> config.string("undeclared")).hasMessageContaining("does not declare");
        assertThat(config.readProperties()).containsExactly("delimiter");
    }
}
