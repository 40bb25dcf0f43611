package io.cmohub.connector;

import java.util.Objects;

/**
 * Something the reader of a document should know that is not an error: a leniency the connector
 * allowed (an AnIML document without its namespace), or what the mapping left unread (columns no field
 * names). Reported once per document and kind, with where it was first seen; it never rejects anything.
 *
 * @param location where it was first seen, e.g. "line 1" or "document"
 * @param message  what happened and what it means, in words
 */
public record DocumentNotice(String location, String message) {
    public DocumentNotice {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }
}
