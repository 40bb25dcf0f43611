package io.cmohub.examples.plainjava;

import io.cmohub.connector.CmoConnector;
import io.cmohub.connector.ConnectorCatalog;
import io.cmohub.connector.ConnectorConfig;
import io.cmohub.connector.DocumentContext;
import io.cmohub.connector.DocumentReport;
import io.cmohub.connector.DocumentRun;
import io.cmohub.connector.DocumentSource;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.model.value.PartnerId;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** Reads a batch-record CSV with the csv-batch-record connector and prints its canonical events and the report. */
public final class ValidateBatchRecords {
    private ValidateBatchRecords() {
    }

    public static void main(String[] args) throws IOException {
        DocumentReport report = run(Path.of(args[0]), PartnerId.of(args.length > 1 ? args[1] : "acme-cmo"), System.out);
        System.err.println(CanonicalJson.mapper().writeValueAsString(report));
        System.exit(report.accepted() ? 0 : 1);
    }

    static DocumentReport run(Path file, PartnerId partner, PrintStream out) throws IOException {
        CmoConnector connector = ConnectorCatalog.load().find("csv-batch-record").orElseThrow();
        ConnectorConfig config = ConnectorConfig.of(connector.descriptor(), Map.of("delimiter", ","));
        DocumentRun run = new DocumentRun("csv-batch-record", connector.open(config), connector.descriptor().defaultErrorPolicy());
        DocumentContext context = new DocumentContext(partner, file.toString(), Instant.EPOCH);
        return run.deliver(DocumentSource.of(file), context, record -> {
            try {
                out.println(CanonicalJson.mapper().writeValueAsString(
                        CanonicalEvent.of(record, CanonicalEvent.partnerSource(partner.value()), partner.value(), context.receivedAt())));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
