package io.cmohub.gateway.cli;

import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.routes.audit.AuditVerification;
import io.cmohub.routes.audit.JdbcAuditTrail;
import java.util.concurrent.Callable;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cmohub audit verify}: checks the audit trail's hash chain directly in the database, without a running gateway. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit trail tools.", subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: verify");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Recomputes every hash of the audit trail and reports the first edited, deleted or missing row as JSON.",
                    "For the embedded H2 database run it while the gateway is stopped (H2 locks its file); on a running gateway use",
                    "GET /api/v1/admin/audit/verification. Exit status: 0 when the chain is intact, 1 when it is not."})
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--jdbc-url", defaultValue = "jdbc:h2:file:./data/db/cmohub",
                description = "Database of the gateway (default: the embedded default's, ${DEFAULT-VALUE}).")
        String jdbcUrl;

        @Option(names = "--user", defaultValue = "sa", description = "Database user (default: ${DEFAULT-VALUE}).")
        String user;

        @Option(names = "--password", defaultValue = "", description = "Database password.")
        String password;

        @Option(names = "--key-file", description = "The audit key file (cmohub.audit.key-file; the gateway's is data/audit-key).")
        java.nio.file.Path keyFile;

        @Option(names = "--previous-key-file", description = "A key used before a rotation (repeatable).")
        java.util.List<java.nio.file.Path> previousKeyFiles = new java.util.ArrayList<>();

        @Option(names = "--anchor-file", description = "The anchor file of checkpoints (cmohub.audit.anchor-file; the gateway's is data/audit-anchor).")
        java.nio.file.Path anchorFile;

        @Override
        public Integer call() throws Exception {
            javax.sql.DataSource dataSource;
            if (jdbcUrl.startsWith("jdbc:postgresql:")) {
                PGSimpleDataSource pg = new PGSimpleDataSource();
                pg.setURL(jdbcUrl);
                if (!user.isEmpty() && !"sa".equals(user)) {
                    pg.setUser(user);
                }
                pg.setPassword(password);
                dataSource = pg;
            } else {
                JdbcDataSource h2 = new JdbcDataSource();
                // IFEXISTS: verifying must never create an empty database and call it intact.
                h2.setURL(jdbcUrl + (jdbcUrl.contains("IFEXISTS") ? "" : ";IFEXISTS=TRUE"));
                h2.setUser(user);
                h2.setPassword(password);
                dataSource = h2;
            }
            JdbcAuditTrail trail;
            if (keyFile == null) {
                trail = new JdbcAuditTrail(dataSource);
            } else {
                java.util.List<io.cmohub.routes.audit.AuditKey> previous = new java.util.ArrayList<>();
                for (java.nio.file.Path file : previousKeyFiles) {
                    previous.add(io.cmohub.routes.audit.AuditKey.load(file));
                }
                var keys = new io.cmohub.routes.audit.AuditKeyring(io.cmohub.routes.audit.AuditKey.load(keyFile), previous);
                trail = new JdbcAuditTrail(dataSource, keys, anchorFile == null ? null : new io.cmohub.routes.audit.AuditAnchor(anchorFile, keys));
            }
            AuditVerification result = trail.verify();
            spec.commandLine().getOut().println(CanonicalJson.mapper().writeValueAsString(result));
            spec.commandLine().getOut().flush();
            return result.valid() ? 0 : 1;
        }
    }
}
