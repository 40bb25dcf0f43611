package io.cmohub.routes.store;

/**
 * Text from partner documents (reasons quoting a bad value, file names) made safe to store: control
 * characters, which PostgreSQL refuses (NUL) and which garble logs, are written as {@code \\uXXXX}.
 */
public final class StoredText {
    private StoredText() {
    }

    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f || Character.isSurrogate(c) && !validSurrogate(value, i);
            if (control) {
                if (out == null) {
                    out = new StringBuilder(value.length() + 16).append(value, 0, i);
                }
                out.append(String.format("\\u%04X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }

    /**
     * A partner-supplied identifier (partner, format, file name) made safe for one database column,
     * one log line and one audit field: every control character escaped, at most {@code max} characters.
     */
    public static String identifier(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = clean(value).replace("\n", "\\u000A").replace("\t", "\\u0009");
        return clean.length() <= max ? clean : clean.substring(0, max);
    }

    private static boolean validSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }
}
