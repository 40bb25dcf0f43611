package io.cmohub.gateway.server.mappings;

import io.cmohub.connector.CmoConnector;
import io.cmohub.connector.ConnectorCatalog;
import java.util.regex.Pattern;

/** Whether a mapping may be saved under a format id: kebab-case, and not a format fixed at start. */
public final class SavableFormat {
    private static final Pattern FORMAT_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+){0,15}");

    /** The id is not a format id at all (HTTP 400). */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    /** The id is a connector or a {@code cmohub.mappings} file (HTTP 409). */
    public static final class Fixed extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Fixed(String message) {
            super(message);
        }
    }

    private SavableFormat() {
    }

    public static void check(String formatId, ConnectorCatalog connectors) {
        if (formatId == null || !FORMAT_ID.matcher(formatId).matches()) {
            throw new Invalid("a format id is kebab-case (e.g. acme-batch-csv), at most 16 parts; not '" + formatId + "'");
        }
        CmoConnector fixed = connectors.findFixed(formatId).orElse(null);
        if (fixed != null) {
            throw new Fixed("format " + formatId + " is " + fixed.descriptor().title() + ", fixed at start (a connector or a file of cmohub.mappings);"
                    + " save the mapping under another id");
        }
    }
}
