package io.cmohub.routes.store;

import java.io.IOException;

/** A document exceeded the intake size cap; it was not stored. */
public class DocumentTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    public DocumentTooLargeException(long maxBytes) {
        super("the document is larger than the limit of " + maxBytes + " bytes");
    }
}
