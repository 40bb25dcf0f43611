package io.cmohub.connector.mapping;

import io.cmohub.connector.CmoConnector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Mappings an operator points the hub at (CLI {@code --mapping}, gateway {@code cmohub.mappings}): files or folders of files. */
public final class ExtraMappings {
    private ExtraMappings() {
    }

    public static List<CmoConnector> load(List<Path> filesOrFolders, ClassLoader classLoader) throws IOException {
        List<CmoConnector> connectors = new ArrayList<>();
        for (Path path : filesOrFolders) {
            if (Files.isDirectory(path)) {
                connectors.addAll(Mappings.inDirectory(path, classLoader));
            } else if (Files.isRegularFile(path)) {
                connectors.add(Mappings.file(path, classLoader));
            } else {
                throw new NoSuchFileException(path.toString(), null, "no mapping file or folder here");
            }
        }
        return connectors;
    }
}
