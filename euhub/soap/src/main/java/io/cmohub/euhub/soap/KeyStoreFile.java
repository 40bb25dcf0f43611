package io.cmohub.euhub.soap;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A key or trust store on disk: PKCS12 (the .pfx EMVO issues from the OBP's CSR) or JKS. For a key
 * store the private key's password is the store's password, as in a .pfx.
 */
public record KeyStoreFile(Path path, String type, Secret password) {

    public KeyStoreFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(password, "password");
        type = type == null || type.isBlank() ? "PKCS12" : type;
    }

    public static KeyStoreFile pkcs12(Path path, Secret password) {
        return new KeyStoreFile(path, "PKCS12", password);
    }
}
