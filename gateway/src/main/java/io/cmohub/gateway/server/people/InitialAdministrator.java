package io.cmohub.gateway.server.people;

import io.cmohub.gateway.server.security.SecretFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

/**
 * The first person of a new installation: when no account exists, an ADMIN account with a generated
 * password, written once to {@code data-dir/initial-admin-password} (owner-readable only) and to be
 * changed at the first login. Once anyone has an account, nothing is created and the file is not read.
 */
final class InitialAdministrator {
    static final String PASSWORD_FILE = "initial-admin-password";

    private final JdbcAccounts accounts;
    private final PasswordPolicy passwords;
    private final String username;

    InitialAdministrator(JdbcAccounts accounts, PasswordPolicy passwords, String username) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.username = AccountRules.username(username);
    }

    void ensure(Path dataDir) throws IOException {
        if (accounts.any()) {
            return;
        }
        Path file = dataDir.resolve(PASSWORD_FILE);
        Files.deleteIfExists(file); // a file from an earlier, wiped database would not match the new account
        String password = SecretFile.readOrCreate(file, () -> passwords.generateFor(username), "the password of the first administrator '" + username + "'");
        PersonAccount admin = new PersonAccount(username, "Initial administrator", EnumSet.of(Role.ADMIN), null, PersonAccount.Source.LOCAL,
                true, true, 0, null, null, null, null, "system");
        try {
            accounts.create(admin, passwords.hashNew(username, password), "system");
        } catch (io.cmohub.routes.store.StoreException e) {
            if (accounts.find(username).isEmpty()) {
                throw e;
            } // another node created it at the same moment; its password file is the one that counts
        }
    }
}
