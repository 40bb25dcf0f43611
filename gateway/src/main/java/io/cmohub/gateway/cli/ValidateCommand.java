package io.cmohub.gateway.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.cmohub.connector.DocumentReport;
import io.cmohub.connector.DocumentRun;
import io.cmohub.connector.DocumentSource;
import io.cmohub.connector.DocumentStatus;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.value.PartnerId;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code cmohub validate}: one JSON report per file per line; exit 0 when every file is accepted, 1 otherwise. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Reads each file with a connector and prints one JSON report per file per line:",
                "{\"file\", \"format\", \"status\", \"sourceEvents\", \"canonicalRecords\", \"errors\": [{\"location\", \"field\", \"reason\"}]}.",
                "Exit status: 0 when all files are ACCEPTED, 1 when any is not, 2 on a usage error."})
final class ValidateCommand implements Callable<Integer> {
    static final int ALL_ACCEPTED = 0;
    static final int SOME_REJECTED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DocumentOptions document = new DocumentOptions();

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to validate.")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        DocumentRun run = document.run(spec.commandLine());
        PartnerId partner = document.partnerId(spec.commandLine());
        ObjectWriter json = CanonicalJson.mapper().writer();
        PrintWriter out = spec.commandLine().getOut();
        boolean allAccepted = true;
        for (Path file : files) {
            ReportLine line;
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                line = ReportLine.unreadable(file.toString(), document.format, "file not found or not readable: " + file);
            } else {
                DocumentReport report;
                if (ProgressSource.wanted(document.progress, file)) {
                    try (ProgressSource progress = new ProgressSource(file, spec.commandLine().getErr(), null)) {
                        report = run.validate(progress, DocumentOptions.context(partner, file));
                    }
                } else {
                    report = run.validate(DocumentSource.of(file), DocumentOptions.context(partner, file));
                }
                line = ReportLine.of(file.toString(), report);
            }
            allAccepted &= line.status() == DocumentStatus.ACCEPTED;
            out.println(json.writeValueAsString(line));
            out.flush();
        }
        return allAccepted ? ALL_ACCEPTED : SOME_REJECTED;
    }
}
