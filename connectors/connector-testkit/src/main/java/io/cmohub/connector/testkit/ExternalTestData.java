package io.cmohub.connector.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Public files written by others (GS1 EPCIS examples, MESA B2MML, AnIML), used in place and never
 * copied into the repository. They live in {@code shared/testdata/external} beside the checkout (or
 * where {@code CMOHUB_EXTERNAL_TESTDATA} points); a user's clone has no such folder, so tests that
 * need them skip there with a printed reason, and run in CI.
 */
public final class ExternalTestData {
    public static final String VARIABLE = "CMOHUB_EXTERNAL_TESTDATA";

    private ExternalTestData() {
    }

    /** The folder, if this machine has it. */
    public static Optional<Path> find() {
        String configured = System.getenv(VARIABLE);
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured);
            return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("testdata").resolve("external");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@code relative} inside the folder; the calling test is skipped, with the reason printed, when it is absent. */
    public static Path require(String relative) {
        Optional<Path> dir = find();
        if (dir.isEmpty() || !Files.exists(dir.get().resolve(relative))) {
            String reason = "external test data " + relative + " not found (set " + VARIABLE
                    + " or check out beside shared/testdata/external); skipping";
            System.out.println("[skipped] " + reason);
            Assumptions.abort(reason);
        }
        return dir.get().resolve(relative);
    }
}
