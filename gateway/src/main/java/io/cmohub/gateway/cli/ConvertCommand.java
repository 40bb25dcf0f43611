package io.cmohub.gateway.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.cmohub.connector.DocumentContext;
import io.cmohub.connector.DocumentReport;
import io.cmohub.connector.DocumentRun;
import io.cmohub.connector.DocumentSource;
import io.cmohub.connector.DocumentStatus;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.model.value.PartnerId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code cmohub convert}: the canonical CloudEvents of one file as NDJSON on stdout, streamed
 * record by record; the document report goes to stderr. Under the connector's error policy a
 * rejected document prints no events.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Converts one file to canonical CloudEvents, one JSON event per line on stdout.",
                "The document report (as printed by validate) goes to stderr. Exit status: 0 when the file is ACCEPTED, 1 otherwise, 2 on a usage error."})
final class ConvertCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DocumentOptions document = new DocumentOptions();

    @Parameters(index = "0", paramLabel = "FILE", description = "File to convert.")
    Path file;

    @Override
    public Integer call() throws IOException {
        DocumentRun run = document.run(spec.commandLine());
        PartnerId partner = document.partnerId(spec.commandLine());
        ObjectWriter json = CanonicalJson.mapper().writer();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            spec.commandLine().getErr().println(json.writeValueAsString(
                    ReportLine.unreadable(file.toString(), document.format, "file not found or not readable: " + file)));
            return ValidateCommand.SOME_REJECTED;
        }
        DocumentContext context = DocumentOptions.context(partner, file);
        URI source = CanonicalEvent.partnerSource(partner.value());
        Writer out = spec.commandLine().getOut();
        DocumentReport report;
        java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
        ProgressSource progress = ProgressSource.wanted(document.progress, file) ? new ProgressSource(file, spec.commandLine().getErr(), written::get) : null;
        try {
            report = run.deliver(progress != null ? progress : DocumentSource.of(file), context, record -> {
                try {
                    out.write(json.writeValueAsString(CanonicalEvent.of(record, source, partner.value(), context.receivedAt())));
                    out.write('\n');
                    written.incrementAndGet();
                } catch (IOException e) {
                    throw new UncheckedIOException(e); // serialisation of a valid record; the PrintWriter itself never throws
                }
            });
        } finally {
            out.flush();
            if (progress != null) {
                progress.close();
            }
        }
        if (spec.commandLine().getOut().checkError()) {
            spec.commandLine().getErr().println("cmohub: writing the events to standard output failed (closed pipe?)");
            return ValidateCommand.SOME_REJECTED;
        }
        spec.commandLine().getErr().println(json.writeValueAsString(ReportLine.of(file.toString(), report)));
        return report.status() == DocumentStatus.ACCEPTED ? ValidateCommand.ALL_ACCEPTED : ValidateCommand.SOME_REJECTED;
    }
}
