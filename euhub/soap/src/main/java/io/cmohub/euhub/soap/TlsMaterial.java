package io.cmohub.euhub.soap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Opens the key and trust stores once, when the client is built, so that a wrong path or password
 * fails at start-up with a message naming the file (never the password), not at the first call.
 */
final class TlsMaterial {
    private TlsMaterial() {
    }

    static KeyManager[] keyManagers(KeyStoreFile file) {
        char[] password = file.password().reveal();
        try {
            KeyStore store = load(file, password, "client certificate");
            if (!store.aliases().hasMoreElements()) {
                throw new IllegalStateException("client certificate key store " + file.path() + " holds no entries");
            }
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the client certificate in " + file.path() + ": " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    static TrustManager[] trustManagers(KeyStoreFile file) {
        char[] password = file.password().reveal();
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(load(file, password, "trust store"));
            return factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the trust store " + file.path() + ": " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static KeyStore load(KeyStoreFile file, char[] password, String what) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(file.type());
        try (InputStream in = Files.newInputStream(file.path())) {
            store.load(in, password);
            return store;
        } catch (IOException e) {
            // a wrong password shows up as an IOException whose cause is an UnrecoverableKeyException
            String reason = e.getCause() instanceof java.security.UnrecoverableKeyException
                    ? "wrong password" : e.getClass().getSimpleName() + ": " + e.getMessage();
            throw new IllegalStateException("cannot read the " + what + " " + file.path() + " (" + file.type() + "): " + reason, e);
        }
    }
}
