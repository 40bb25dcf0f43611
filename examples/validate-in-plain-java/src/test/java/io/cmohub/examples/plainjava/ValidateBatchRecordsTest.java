package io.cmohub.examples.plainjava;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmohub.connector.DocumentReport;
import io.cmohub.connector.DocumentStatus;
import io.cmohub.model.value.PartnerId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ValidateBatchRecordsTest {
    @Test
    void theWalkThroughSampleBecomesFourEvents() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DocumentReport report = ValidateBatchRecords.run(Path.of("../data/acme-batch-records.csv"), PartnerId.of("acme-cmo"),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(report.status()).isEqualTo(DocumentStatus.ACCEPTED);
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(4).allMatch(l -> l.contains("\"type\":\"io.cmohub.batch.updated.v1\""));
    }

    @Test
    void theSampleWithErrorsIsPartiallyAccepted() throws Exception {
        DocumentReport report = ValidateBatchRecords.run(Path.of("../data/acme-batch-records-with-errors.csv"), PartnerId.of("acme-cmo"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(report.status()).isEqualTo(DocumentStatus.PARTIALLY_ACCEPTED);
        assertThat(report.errors()).hasSize(3);
    }
}
