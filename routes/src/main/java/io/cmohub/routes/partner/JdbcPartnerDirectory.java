package io.cmohub.routes.partner;

import com.fasterxml.jackson.core.type.TypeReference;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SiteId;
import io.cmohub.routes.store.JdbcTime;
import io.cmohub.routes.store.Sha256;
import io.cmohub.routes.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The partner registry in the database. API keys are stored as SHA-256 digests only: the database
 * never holds a usable credential. (Keys are long random strings, so an unsalted digest is enough;
 * they are not passwords.)
 */
public final class JdbcPartnerDirectory implements PartnerDirectory {
    private static final TypeReference<Map<String, String>> CONFIG = new TypeReference<>() {
    };

    private final DataSource dataSource;

    public JdbcPartnerDirectory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static String digest(String apiKey) {
        return Sha256.hex(apiKey);
    }

    /** Creates or replaces a partner with its products, sites and formats; a null key or subject keeps the stored one. */
    public void save(PartnerProfile profile, String apiKey, String certificateSubject) {
        String id = profile.id().value();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean exists;
                try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM partner WHERE partner_id = ?")) {
                    s.setString(1, id);
                    try (ResultSet rs = s.executeQuery()) {
                        exists = rs.next();
                    }
                }
                if (exists) {
                    try (PreparedStatement s = c.prepareStatement("UPDATE partner SET name = ?, enabled = ?, updated_at = ?, "
                            + "api_key_sha256 = COALESCE(?, api_key_sha256), certificate_subject = COALESCE(?, certificate_subject) WHERE partner_id = ?")) {
                        s.setString(1, profile.name());
                        s.setBoolean(2, profile.enabled());
                        s.setObject(3, JdbcTime.toDb(JdbcTime.now()));
                        s.setString(4, apiKey == null ? null : digest(apiKey));
                        s.setString(5, certificateSubject);
                        s.setString(6, id);
                        s.executeUpdate();
                    }
                } else {
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO partner (partner_id, name, api_key_sha256, certificate_subject, enabled, "
                            + "updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                        s.setString(1, id);
                        s.setString(2, profile.name());
                        s.setString(3, apiKey == null ? null : digest(apiKey));
                        s.setString(4, certificateSubject);
                        s.setBoolean(5, profile.enabled());
                        s.setObject(6, JdbcTime.toDb(JdbcTime.now()));
                        s.executeUpdate();
                    }
                }
                for (String table : List.of("partner_product", "partner_site", "partner_format")) {
                    try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE partner_id = ?")) {
                        s.setString(1, id);
                        s.executeUpdate();
                    }
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO partner_product (partner_id, product_code) VALUES (?, ?)")) {
                    for (ProductCode product : profile.products()) {
                        s.setString(1, id);
                        s.setString(2, product.value());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO partner_site (partner_id, site_id) VALUES (?, ?)")) {
                    for (SiteId site : profile.sites()) {
                        s.setString(1, id);
                        s.setString(2, site.value());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO partner_format (partner_id, format_id, config_json) VALUES (?, ?, ?)")) {
                    for (PartnerProfile.PartnerFormat format : profile.formats()) {
                        s.setString(1, id);
                        s.setString(2, format.formatId());
                        s.setString(3, CanonicalJson.mapper().writeValueAsString(Map.of("filePattern", format.filePattern(), "config", format.config())));
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
                c.rollback();
                throw e instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e);
            }
        } catch (SQLException e) {
            throw new StoreException("could not save partner " + id, e);
        }
    }

    @Override
    public Optional<PartnerProfile> find(PartnerId id) {
        try (Connection c = dataSource.getConnection()) {
            String name;
            boolean enabled;
            try (PreparedStatement s = c.prepareStatement("SELECT name, enabled FROM partner WHERE partner_id = ?")) {
                s.setString(1, id.value());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    name = rs.getString(1);
                    enabled = rs.getBoolean(2);
                }
            }
            Set<ProductCode> products = new HashSet<>();
            for (String code : strings(c, "SELECT product_code FROM partner_product WHERE partner_id = ?", id.value())) {
                products.add(ProductCode.of(code));
            }
            Set<SiteId> sites = new HashSet<>();
            for (String site : strings(c, "SELECT site_id FROM partner_site WHERE partner_id = ?", id.value())) {
                sites.add(SiteId.of(site));
            }
            List<PartnerProfile.PartnerFormat> formats = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT format_id, config_json FROM partner_format WHERE partner_id = ? ORDER BY format_id")) {
                s.setString(1, id.value());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        var json = CanonicalJson.mapper().readTree(rs.getString(2));
                        Map<String, String> config = json.hasNonNull("config") ? CanonicalJson.mapper().convertValue(json.get("config"), CONFIG) : Map.of();
                        formats.add(new PartnerProfile.PartnerFormat(rs.getString(1), json.path("filePattern").asText("*"), config));
                    }
                }
            }
            return Optional.of(new PartnerProfile(id, name, enabled, products, sites, formats));
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new StoreException("could not read partner " + id, e);
        }
    }

    @Override
    public Optional<PartnerId> authenticateApiKey(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        return single("SELECT partner_id FROM partner WHERE api_key_sha256 = ? AND enabled = TRUE", digest(apiKey));
    }

    @Override
    public Optional<PartnerId> authenticateCertificate(String subject) {
        if (subject == null || subject.isBlank()) {
            return Optional.empty();
        }
        return single("SELECT partner_id FROM partner WHERE certificate_subject = ? AND enabled = TRUE", subject);
    }

    public List<PartnerId> all() {
        try (Connection c = dataSource.getConnection()) {
            return strings(c, "SELECT partner_id FROM partner WHERE partner_id <> ? ORDER BY partner_id", "").stream().map(PartnerId::of).toList();
        } catch (SQLException e) {
            throw new StoreException("could not list partners", e);
        }
    }

    private Optional<PartnerId> single(String sql, String parameter) {
        try (Connection c = dataSource.getConnection()) {
            List<String> found = strings(c, sql, parameter);
            return found.size() == 1 ? Optional.of(PartnerId.of(found.get(0))) : Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("could not authenticate a partner", e);
        }
    }

    private static List<String> strings(Connection c, String sql, String parameter) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }
}
