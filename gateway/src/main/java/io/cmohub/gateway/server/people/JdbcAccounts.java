package io.cmohub.gateway.server.people;

import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.routes.store.JdbcTime;
import io.cmohub.routes.store.JdbcTransaction;
import io.cmohub.routes.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The person accounts in {@code person_account}. Every change is audited in the same transaction with who
 * made it and the account before and after; password hashes are never part of what is audited or returned.
 */
public class JdbcAccounts {
    private static final String COLUMNS = "username, display_name, roles, partner_id, source, enabled, password_change_required, failed_logins,"
            + " locked_until, last_login_at, password_changed_at, created_at, created_by";

    private final DataSource dataSource;
    private final AuditTrail audit;

    public JdbcAccounts(DataSource dataSource, AuditTrail audit) {
        this.dataSource = dataSource;
        this.audit = audit;
    }

    public Optional<PersonAccount> find(String username) {
        return query("SELECT " + COLUMNS + " FROM person_account WHERE username = ?", username).stream().findFirst();
    }

    public List<PersonAccount> list() {
        return query("SELECT " + COLUMNS + " FROM person_account ORDER BY username");
    }

    public boolean any() {
        return !query("SELECT " + COLUMNS + " FROM person_account FETCH FIRST 1 ROWS ONLY").isEmpty();
    }

    /** The stored hash of a local account's password, for the login and for signatures only. */
    public Optional<String> passwordHash(String username) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT password_hash FROM person_account WHERE username = ? AND source = 'LOCAL'")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the account " + username, e);
        }
    }

    /** The hashes of the current and the last {@code count} passwords, newest first. */
    List<String> recentHashes(String username, int count) {
        List<String> hashes = new ArrayList<>();
        passwordHash(username).ifPresent(hashes::add);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT password_hash FROM person_password_history WHERE username = ? ORDER BY changed_at DESC")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next() && hashes.size() < count + 1) {
                    hashes.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the password history of " + username, e);
        }
        return hashes;
    }

    /** Creates a local account (or records an OIDC person when {@code passwordHash} is null and the source is OIDC). */
    public PersonAccount create(PersonAccount account, String passwordHash, String actor) {
        Instant now = JdbcTime.now();
        JdbcTransaction.run(dataSource, "could not create the account " + account.username(), c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO person_account (username, display_name, roles, partner_id, source, password_hash,"
                    + " password_change_required, password_changed_at, enabled, failed_logins, created_at, created_by, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")) {
                s.setString(1, account.username());
                s.setString(2, account.displayName());
                s.setString(3, roles(account.roles()));
                s.setString(4, account.partner());
                s.setString(5, account.source().name());
                s.setString(6, passwordHash);
                s.setBoolean(7, account.passwordChangeRequired());
                s.setObject(8, passwordHash == null ? null : JdbcTime.toDb(now));
                s.setBoolean(9, account.enabled());
                s.setObject(10, JdbcTime.toDb(now));
                s.setString(11, actor);
                s.setObject(12, JdbcTime.toDb(now));
                s.executeUpdate();
            }
            audit.record(c, AuditEvent.success(actor, "USER_CREATE").on("user", account.username()).because("account created")
                    .details("after=" + describe(account)));
        });
        return find(account.username()).orElseThrow();
    }

    /** Replaces name, roles, partner and enabled of an account; {@code reason} says why, for the audit row. */
    public PersonAccount update(PersonAccount before, PersonAccount after, String actor, String reason) {
        JdbcTransaction.run(dataSource, "could not change the account " + before.username(), c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE person_account SET display_name = ?, roles = ?, partner_id = ?, enabled = ?,"
                    + " updated_at = ? WHERE username = ?")) {
                s.setString(1, after.displayName());
                s.setString(2, roles(after.roles()));
                s.setString(3, after.partner());
                s.setBoolean(4, after.enabled());
                s.setObject(5, JdbcTime.toDb(JdbcTime.now()));
                s.setString(6, before.username());
                s.executeUpdate();
            }
            audit.record(c, AuditEvent.success(actor, "USER_CHANGE").on("user", before.username()).because(reason)
                    .details("before=" + describe(before) + " after=" + describe(after)));
        });
        return find(before.username()).orElseThrow();
    }

    /**
     * Sets a new password hash, keeping the old one in the history. {@code mustChange} is true when an admin
     * set or generated it (the person must replace it before doing anything else); a reset also unlocks.
     */
    public void setPassword(String username, String newHash, boolean mustChange, String actor, String action) {
        Instant now = JdbcTime.now();
        JdbcTransaction.run(dataSource, "could not set the password of " + username, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO person_password_history (username, password_hash, changed_at)"
                    + " SELECT username, password_hash, ? FROM person_account WHERE username = ? AND password_hash IS NOT NULL")) {
                s.setObject(1, JdbcTime.toDb(now));
                s.setString(2, username);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE person_account SET password_hash = ?, password_change_required = ?,"
                    + " password_changed_at = ?, failed_logins = 0, locked_until = NULL, updated_at = ? WHERE username = ?")) {
                s.setString(1, newHash);
                s.setBoolean(2, mustChange);
                s.setObject(3, JdbcTime.toDb(now));
                s.setObject(4, JdbcTime.toDb(now));
                s.setString(5, username);
                s.executeUpdate();
            }
            audit.record(c, AuditEvent.success(actor, action).on("user", username)
                    .because(mustChange ? "password set by an administrator; to be changed at the next login" : "password changed by its owner"));
        });
    }

    /** A failed login: counts it, and locks the account for {@code lockFor} once {@code maxFailures} are reached. Returns whether it is now locked. */
    public boolean loginFailed(String username, int maxFailures, java.time.Duration lockFor, String source) {
        Instant now = JdbcTime.now();
        boolean[] locked = {false};
        JdbcTransaction.run(dataSource, "could not count a failed login of " + username, c -> {
            int failures;
            try (PreparedStatement s = c.prepareStatement("UPDATE person_account SET failed_logins = failed_logins + 1 WHERE username = ?")) {
                s.setString(1, username);
                if (s.executeUpdate() == 0) {
                    audit.record(c, AuditEvent.denied("anonymous", "LOGIN_FAILED").on("user", username).because("no such account").details("remote=" + source));
                    return;
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT failed_logins FROM person_account WHERE username = ?")) {
                s.setString(1, username);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    failures = rs.getInt(1);
                }
            }
            audit.record(c, AuditEvent.denied("anonymous", "LOGIN_FAILED").on("user", username).because("wrong password (" + failures + " in a row)")
                    .details("remote=" + source));
            if (failures >= maxFailures) {
                try (PreparedStatement s = c.prepareStatement("UPDATE person_account SET locked_until = ?, failed_logins = 0 WHERE username = ?")) {
                    s.setObject(1, JdbcTime.toDb(now.plus(lockFor)));
                    s.setString(2, username);
                    s.executeUpdate();
                }
                audit.record(c, AuditEvent.success("system", "USER_LOCKED").on("user", username)
                        .because(failures + " failed logins in a row; locked for " + lockFor.toMinutes() + " min").details("remote=" + source));
                locked[0] = true;
            }
        });
        return locked[0];
    }

    /** A login refused before the password counted (address throttled, account locked or disabled): audited, not counted. */
    public void loginRefused(String username, String reason, String source) {
        audit.record(AuditEvent.denied("anonymous", "LOGIN_FAILED").on("user", username).because(reason).details("remote=" + source));
    }

    /**
     * Records a login, but only if the account is still enabled and unlocked now: parallel guesses all read
     * the account before any of them locked it, so the lock decided by a concurrent failure must still win.
     * Returns false (and audits the refusal) when it did.
     */
    public boolean loggedIn(PersonAccount person, String how, String source) {
        String username = person.username();
        Instant now = JdbcTime.now();
        boolean[] recorded = {false};
        JdbcTransaction.run(dataSource, "could not record the login of " + username, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE person_account SET failed_logins = 0, last_login_at = ? WHERE username = ?"
                    + " AND enabled = TRUE AND (locked_until IS NULL OR locked_until <= ?)")) {
                s.setObject(1, JdbcTime.toDb(now));
                s.setString(2, username);
                s.setObject(3, JdbcTime.toDb(now));
                recorded[0] = s.executeUpdate() == 1;
            }
            audit.record(c, recorded[0]
                    ? AuditEvent.success(person.actor(), "LOGIN").on("user", username).because(how).details("remote=" + source)
                    : AuditEvent.denied("anonymous", "LOGIN_FAILED").on("user", username)
                            .because("the account was locked or disabled while the password was checked").details("remote=" + source));
        });
        return recorded[0];
    }

    /** Records a person of the identity provider as the provider describes them now; the first time and every change of roles are audited. */
    void recordOidcPerson(PersonAccount now, PersonAccount before) {
        Instant at = JdbcTime.now();
        JdbcTransaction.run(dataSource, "could not record the identity-provider person " + now.username(), c -> {
            if (before == null) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO person_account (username, display_name, roles, partner_id, source,"
                        + " password_change_required, enabled, failed_logins, last_login_at, created_at, created_by, updated_at)"
                        + " VALUES (?, ?, ?, ?, 'OIDC', FALSE, TRUE, 0, ?, ?, 'oidc', ?)")) {
                    s.setString(1, now.username());
                    s.setString(2, now.displayName());
                    s.setString(3, roles(now.roles()));
                    s.setString(4, now.partner());
                    s.setObject(5, JdbcTime.toDb(at));
                    s.setObject(6, JdbcTime.toDb(at));
                    s.setObject(7, JdbcTime.toDb(at));
                    s.executeUpdate();
                }
                audit.record(c, AuditEvent.success(now.actor(), "USER_CREATE").on("user", now.username())
                        .because("first sign-in through the identity provider").details("after=" + describe(now)));
                return;
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE person_account SET display_name = ?, roles = ?, partner_id = ?, last_login_at = ?,"
                    + " updated_at = ? WHERE username = ? AND source = 'OIDC'")) {
                s.setString(1, now.displayName());
                s.setString(2, roles(now.roles()));
                s.setString(3, now.partner());
                s.setObject(4, JdbcTime.toDb(at));
                s.setObject(5, JdbcTime.toDb(at));
                s.setString(6, now.username());
                s.executeUpdate();
            }
            if (!before.roles().equals(now.roles()) || !java.util.Objects.equals(before.partner(), now.partner())
                    || !before.displayName().equals(now.displayName())) {
                audit.record(c, AuditEvent.success("oidc", "USER_CHANGE").on("user", now.username())
                        .because("the identity provider reports changed claims").details("before=" + describe(before) + " after=" + describe(now)));
            }
        });
    }

    static String describe(PersonAccount account) {
        return "{displayName=" + account.displayName() + ", roles=" + roles(account.roles()) + (account.partner() == null ? "" : ", partner=" + account.partner())
                + ", enabled=" + account.enabled() + "}";
    }

    private static String roles(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private List<PersonAccount> query(String sql, Object... parameters) {
        List<PersonAccount> accounts = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    for (String role : rs.getString(3).split(",")) {
                        if (!role.isBlank()) {
                            roles.add(Role.valueOf(role));
                        }
                    }
                    accounts.add(new PersonAccount(rs.getString(1), rs.getString(2), roles, rs.getString(4), PersonAccount.Source.valueOf(rs.getString(5)),
                            rs.getBoolean(6), rs.getBoolean(7), rs.getInt(8), time(rs, 9), time(rs, 10), time(rs, 11), time(rs, 12), rs.getString(13)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not read person accounts", e);
        }
        return accounts;
    }

    private static Instant time(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : JdbcTime.fromDb(value);
    }
}
