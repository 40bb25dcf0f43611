package io.cmohub.coordination.liaison;

import java.util.Objects;

/** A named person at a CMO and the address that reaches them directly. */
public record Contact(String name, String email) {
    public Contact {
        Objects.requireNonNull(name, "contact name");
        if (name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("contact name must be 1-200 characters");
        }
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("'" + email + "' is not an e-mail address");
        }
    }
}
