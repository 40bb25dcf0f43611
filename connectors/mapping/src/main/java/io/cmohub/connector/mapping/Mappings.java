package io.cmohub.connector.mapping;

import io.cmohub.connector.CmoConnector;
import io.cmohub.connector.mapping.convert.ConverterRegistry;
import io.cmohub.connector.mapping.definition.InvalidMappingException;
import io.cmohub.connector.mapping.definition.MappingLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where mapping connectors come from: mapping files on the classpath (listed, one resource path per
 * line, in {@value #INDEX} of any jar — a CMO module needs no class to ship a mapping), a directory
 * of {@code *.yaml} files (what operations drop in), or one file.
 */
public final class Mappings {
    public static final String INDEX = "META-INF/cmohub/mappings.list";

    private Mappings() {
    }

    /** Every mapping listed in {@value #INDEX} resources on the classpath. */
    public static List<CmoConnector> onClasspath(ClassLoader classLoader) {
        MappingLoader loader = new MappingLoader(ConverterRegistry.load(classLoader));
        List<CmoConnector> connectors = new ArrayList<>();
        try {
            for (URL index : Collections.list(classLoader.getResources(INDEX))) {
                for (String resource : lines(index)) {
                    URL file = classLoader.getResource(resource);
                    if (file == null) {
                        throw new InvalidMappingException(resource, List.of(index + " lists " + resource + ", which is not on the classpath"));
                    }
                    try (Reader reader = new InputStreamReader(file.openStream(), StandardCharsets.UTF_8)) {
                        connectors.add(new MappingConnector(loader.load(reader, "classpath:" + resource)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("mapping files on the classpath could not be read", e);
        }
        return connectors;
    }

    /** Every {@code *.yaml} / {@code *.yml} file in {@code directory} (not recursive), in name order. */
    public static List<CmoConnector> inDirectory(Path directory, ClassLoader classLoader) throws IOException {
        MappingLoader loader = new MappingLoader(ConverterRegistry.load(classLoader));
        List<CmoConnector> connectors = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
                connectors.add(load(file, loader));
            }
        }
        return connectors;
    }

    /** One mapping file. */
    public static MappingConnector file(Path file, ClassLoader classLoader) throws IOException {
        return load(file, new MappingLoader(ConverterRegistry.load(classLoader)));
    }

    private static MappingConnector load(Path file, MappingLoader loader) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new MappingConnector(loader.load(reader, file.toString()));
        }
    }

    private static List<String> lines(URL index) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }
}
