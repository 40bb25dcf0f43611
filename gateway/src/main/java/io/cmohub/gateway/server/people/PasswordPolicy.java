package io.cmohub.gateway.server.people;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The rules a local password must meet (length, not the username, none of the recent ones) and the one
 * place passwords are hashed and checked (Spring Security's delegating encoder: bcrypt today, the hash
 * names its algorithm so a stronger one can follow without a migration).
 */
public class PasswordPolicy {
    /** The most bcrypt reads of a password; a longer one is refused, never cut silently. */
    static final int MAX_BYTES = 72;
    private final PasswordEncoder encoder;
    private final JdbcAccounts accounts;
    private final PeopleProperties properties;
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;

    public PasswordPolicy(PasswordEncoder encoder, JdbcAccounts accounts, PeopleProperties properties) {
        this.encoder = encoder;
        this.accounts = accounts;
        this.properties = properties;
        this.dummyHash = encoder.encode(generate());
    }

    /** The hash of {@code password} for {@code username}, or a refusal saying which rule it breaks. */
    public String hashNew(String username, String password) {
        if (password == null || password.length() < properties.getPasswordMinLength()) {
            throw new IllegalArgumentException("a password needs at least " + properties.getPasswordMinLength() + " characters");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("a password may have at most " + MAX_BYTES + " bytes in UTF-8 (bcrypt reads no further)");
        }
        if (password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("a password must not contain the username");
        }
        for (String earlier : accounts.recentHashes(username, properties.getPasswordHistory())) {
            if (earlier != null && encoder.matches(password, earlier)) {
                throw new IllegalArgumentException("a password must differ from the current one and the last " + properties.getPasswordHistory());
            }
        }
        return encoder.encode(password);
    }

    /** Whether {@code password} is {@code username}'s current local password. */
    public boolean matches(String username, String password) {
        if (password != null && password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            encoder.matches(generate(), dummyHash); // no password longer than bcrypt reads was ever set; same work as a wrong one
            return false;
        }
        return password != null && accounts.passwordHash(username).map(hash -> encoder.matches(password, hash)).orElseGet(() -> {
            encoder.matches(password, dummyHash); // the same work for an unknown user: no timing difference to probe
            return false;
        });
    }

    /** A password for {@code username} to receive once, meeting this policy (never containing the username). */
    public String generateFor(String username) {
        String password;
        do {
            password = generate();
        } while (password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT)));
        return password;
    }

    /** 144 random bits, base64url. */
    public String generate() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
