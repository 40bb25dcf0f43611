package io.cmohub.gateway.cli;

import io.cmohub.gateway.server.GatewayApplication;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cmohub serve}: starts the gateway; any further arguments are Spring Boot properties ({@code --server.port=8080}). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Starts the gateway with embedded defaults (broker and database under ./data).",
                "Further arguments are passed to Spring Boot, e.g. --server.port=9090 or --spring.config.additional-location=cmohub.yml."})
final class ServeCommand implements Callable<Integer> {
    /** Returned while the gateway runs, so that main() does not call System.exit. */
    static final int KEEP_RUNNING = -1;

    @Parameters(paramLabel = "SPRING_ARGS", arity = "0..*", description = "Spring Boot arguments.")
    List<String> springArgs = new java.util.ArrayList<>();

    /** Spring Boot options such as --server.port=9090 are not ours: they are passed through. */
    @picocli.CommandLine.Unmatched
    List<String> unmatched = new java.util.ArrayList<>();

    @Override
    public Integer call() {
        List<String> args = new java.util.ArrayList<>(unmatched);
        args.addAll(springArgs);
        GatewayApplication.start(args.toArray(String[]::new));
        return KEEP_RUNNING;
    }
}
