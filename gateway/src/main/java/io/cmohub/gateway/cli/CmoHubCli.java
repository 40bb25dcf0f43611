package io.cmohub.gateway.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code cmohub} command. Offline commands (validate, convert, connectors) use the connector
 * library directly and never start Spring, so they answer in well under two seconds; only
 * {@code serve} boots the gateway.
 */
@Command(name = "cmohub", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "cmo-hub: connect a sponsor's contract manufacturers. Validate and convert CMO exports offline, or serve the gateway.",
        subcommands = {ValidateCommand.class, ConvertCommand.class, ConnectorsCommand.class, TestMappingCommand.class, ServeCommand.class,
                BenchmarkCommand.class, AuditCommand.class,
                CommandLine.HelpCommand.class})
public final class CmoHubCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CommandLine commandLine = commandLine();
        int exit = commandLine.execute(args);
        commandLine.getOut().flush();
        if (exit != ServeCommand.KEEP_RUNNING) {
            System.exit(exit);
        }
    }

    public static CommandLine commandLine() {
        // Output is UTF-8 whatever the platform's default; stdout is buffered (convert streams millions of lines).
        return new CommandLine(new CmoHubCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16), false))
                .setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: validate, convert, connectors, test-mapping, serve, benchmark or audit");
    }
}
