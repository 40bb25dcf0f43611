package io.cmohub.gateway.cli;

import io.cmohub.connector.ConnectorConfig;
import io.cmohub.connector.InvalidConfigException;
import io.cmohub.connector.mapping.MappingConnector;
import io.cmohub.connector.mapping.Mappings;
import io.cmohub.connector.mapping.check.MappingSamples;
import io.cmohub.connector.mapping.check.SampleCheck;
import io.cmohub.connector.mapping.definition.InvalidMappingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cmohub test-mapping MAPPING SAMPLES-DIR}: the connector kit's conformance checks for one mapping,
 * without Maven, for an integration engineer onboarding a CMO (docs/connectors.md).
 */
@Command(name = "test-mapping", mixinStandardHelpOptions = true,
        description = {"Checks a mapping against its samples as the connector test kit does: every valid/NAME.* gives exactly the events of",
                "valid/NAME.expected.ndjson (partner acme-cmo, received at the epoch) and each is valid against the published schema;",
                "every invalid/NAME.* is refused as invalid/NAME.expected-errors.json says; garbage is refused with a reason, never thrown.",
                "Prints one line per check. Exit status: 0 when every check passes, 1 when any fails, 2 on a usage error."})
final class TestMappingCommand implements Callable<Integer> {
    static final int ALL_PASSED = 0;
    static final int SOME_FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MAPPING", description = "The mapping file (YAML).")
    Path mapping;

    @Parameters(index = "1", paramLabel = "SAMPLES-DIR", description = "The folder with valid/ and invalid/ samples and their expectations.")
    Path samples;

    @Option(names = "--converters", paramLabel = "JAR|DIR", description = "A jar or classes folder with the mapping's own converters (ServiceLoader). Repeatable.")
    List<Path> converters = new ArrayList<>();

    @Option(names = {"-c", "--config"}, paramLabel = "KEY=VALUE", description = "A property of the mapping connector, as a partner's format would set it. Repeatable.")
    Map<String, String> config = new LinkedHashMap<>();

    @Option(names = "--write-missing", description = "Write what the mapping produces where an expectation file is missing, for review (the check still fails).")
    boolean writeMissing;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(mapping)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "mapping file not found: " + mapping);
        }
        if (!Files.isDirectory(samples)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "samples folder not found: " + samples);
        }
        MappingConnector connector;
        ConnectorConfig connectorConfig;
        try {
            connector = Mappings.file(mapping, classLoader());
            connectorConfig = ConnectorConfig.of(connector.descriptor(), config);
        } catch (InvalidMappingException | InvalidConfigException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("mapping " + connector.descriptor().id() + " (" + mapping + "), samples " + samples);
        List<SampleCheck> checks = new MappingSamples(connector, connectorConfig, writeMissing).run(samples);
        long failed = 0;
        for (SampleCheck check : checks) {
            out.println((check.passed() ? "PASS " : "FAIL ") + check.name() + ": " + check.summary());
            check.problems().forEach(problem -> out.println("     - " + problem));
            failed += check.passed() ? 0 : 1;
        }
        out.println(failed == 0 ? "all " + checks.size() + " checks passed" : failed + " of " + checks.size() + " checks failed");
        out.flush();
        return failed == 0 ? ALL_PASSED : SOME_FAILED;
    }

    private ClassLoader classLoader() throws MalformedURLException {
        ClassLoader parent = TestMappingCommand.class.getClassLoader();
        if (converters.isEmpty()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (Path path : converters) {
            if (!Files.exists(path)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "converters not found: " + path);
            }
            urls.add(path.toUri().toURL());
        }
        return new URLClassLoader(urls.toArray(new URL[0]), parent);
    }
}
