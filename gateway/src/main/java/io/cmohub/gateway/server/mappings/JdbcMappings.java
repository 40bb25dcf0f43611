package io.cmohub.gateway.server.mappings;

import io.cmohub.connector.CmoConnector;
import io.cmohub.connector.LiveConnectors;
import io.cmohub.connector.mapping.MappingConnector;
import io.cmohub.connector.mapping.definition.InvalidMappingException;
import io.cmohub.connector.mapping.definition.MappingDefinition;
import io.cmohub.connector.mapping.definition.MappingLoader;
import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.routes.store.JdbcTime;
import io.cmohub.routes.store.JdbcTransaction;
import io.cmohub.routes.store.StoreException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mapping files saved through the admin API, in {@code format_mapping}: every version kept, the highest in
 * use. Asked by the connector catalogue on each lookup, so a saved mapping is read by every gateway node
 * from the next document on; a parsed mapping is cached per version, so a lookup costs one indexed query.
 */
public class JdbcMappings implements LiveConnectors {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcMappings.class);
    private static final String COLUMNS = "format_id, version, definition, sha256, saved_at, saved_by, signature";
    private static final String LATEST = "SELECT " + COLUMNS + " FROM format_mapping m WHERE version ="
            + " (SELECT MAX(version) FROM format_mapping x WHERE x.format_id = m.format_id)";

    private final DataSource dataSource;
    private final AuditTrail audit;
    private final MappingLoader loader;
    private final ConcurrentMap<String, Parsed> parsed = new ConcurrentHashMap<>();

    private record Parsed(int version, MappingConnector connector) {
    }

    /** A save that expected another version than the one stored. */
    public static final class StaleVersionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StaleVersionException(String message) {
            super(message);
        }
    }

    public JdbcMappings(DataSource dataSource, AuditTrail audit, MappingLoader loader) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.loader = loader;
    }

    /** Reads {@code text} as the mapping of {@code formatId}; refused (naming each problem and its line) if it is not a valid one for that id. */
    public MappingDefinition validate(String formatId, String text) {
        MappingDefinition definition = loader.load(new StringReader(text), "mapping " + formatId);
        if (!definition.id().equals(formatId)) {
            throw new InvalidMappingException("mapping " + formatId, List.of("the file's id is '" + definition.id() + "', but it is saved as '"
                    + formatId + "': make them equal"));
        }
        return definition;
    }

    /**
     * Saves a new version (after {@link #validate}); {@code expectedVersion}, when given, must be the version
     * stored now (0: none yet). Audited as MAPPING_CHANGE with the versions, the digest and the signature.
     */
    public StoredMapping save(String formatId, String text, Integer expectedVersion, String actor, String reason, String signature) {
        validate(formatId, text);
        Instant now = JdbcTime.now();
        String sha256 = sha256(text);
        int[] version = {0};
        JdbcTransaction.run(dataSource, "could not save the mapping " + formatId, c -> {
            int current = currentVersion(c, formatId);
            if (expectedVersion != null && expectedVersion != current) {
                throw new StaleVersionException("the mapping " + formatId + " is at version " + current + ", not " + expectedVersion
                        + ": read it again and repeat the change");
            }
            version[0] = current + 1;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO format_mapping (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, formatId);
                s.setInt(2, version[0]);
                s.setString(3, text);
                s.setString(4, sha256);
                s.setObject(5, JdbcTime.toDb(now));
                s.setString(6, actor);
                s.setString(7, signature.length() > 400 ? signature.substring(0, 400) : signature);
                s.executeUpdate(); // a concurrent save of the same next version fails on the primary key, which rolls this one back
            }
            audit.record(c, AuditEvent.success(actor, "MAPPING_CHANGE").on("mapping", formatId).because(reason)
                    .details("version " + current + " -> " + version[0] + " sha256=" + sha256 + " signed: " + signature));
        });
        return version(formatId, version[0]).orElseThrow();
    }

    public Optional<StoredMapping> latest(String formatId) {
        return query("SELECT " + COLUMNS + " FROM format_mapping WHERE format_id = ? ORDER BY version DESC FETCH FIRST 1 ROWS ONLY", formatId)
                .stream().findFirst();
    }

    public Optional<StoredMapping> version(String formatId, int version) {
        return query("SELECT " + COLUMNS + " FROM format_mapping WHERE format_id = ? AND version = ?", formatId, version).stream().findFirst();
    }

    /** Every version of a mapping, newest first. */
    public List<StoredMapping> history(String formatId) {
        return query("SELECT " + COLUMNS + " FROM format_mapping WHERE format_id = ? ORDER BY version DESC", formatId);
    }

    /** The version in use of every mapping saved here, by format id. */
    public List<StoredMapping> current() {
        return query(LATEST + " ORDER BY format_id");
    }

    @Override
    public Optional<CmoConnector> find(String formatId) {
        return latest(formatId).flatMap(this::connector);
    }

    @Override
    public List<CmoConnector> all() {
        return current().stream().flatMap(stored -> connector(stored).stream()).toList();
    }

    private Optional<CmoConnector> connector(StoredMapping stored) {
        Parsed known = parsed.get(stored.formatId());
        if (known != null && known.version() == stored.version()) {
            return Optional.of(known.connector());
        }
        try {
            MappingConnector connector = new MappingConnector(loader.load(new StringReader(stored.definition()), stored.origin()));
            parsed.put(stored.formatId(), new Parsed(stored.version(), connector));
            return Optional.of(connector);
        } catch (InvalidMappingException e) {
            // valid when saved; a later hub release may read it differently. The format is then unknown, and says so in the log
            LOG.error("{} no longer loads; documents in this format are refused until a corrected version is saved: {}", stored.origin(), e.getMessage());
            return Optional.empty();
        }
    }

    private static int currentVersion(Connection c, String formatId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT MAX(version) FROM format_mapping WHERE format_id = ?")) {
            s.setString(1, formatId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<StoredMapping> query(String sql, Object... parameters) {
        List<StoredMapping> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new StoredMapping(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            JdbcTime.fromDb(rs.getObject(5, java.time.OffsetDateTime.class)), rs.getString(6), rs.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the mappings", e);
        }
        return rows;
    }
}
