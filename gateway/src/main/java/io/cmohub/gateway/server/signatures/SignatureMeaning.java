package io.cmohub.gateway.server.signatures;

/** What a signer means by a signature (21 CFR 11.50(a)(3)); printed beside the signed record. */
public enum SignatureMeaning {
    APPROVED("approved"),
    REVIEWED("reviewed"),
    CLOSED_WITH_ROOT_CAUSE("closed with root cause");

    private final String text;

    SignatureMeaning(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static SignatureMeaning parse(String value) {
        for (SignatureMeaning meaning : values()) {
            if (meaning.name().equalsIgnoreCase(value) || meaning.text.equalsIgnoreCase(value == null ? "" : value.strip())) {
                return meaning;
            }
        }
        throw new IllegalArgumentException("unknown signature meaning '" + value + "'; known: APPROVED, REVIEWED, CLOSED_WITH_ROOT_CAUSE");
    }
}
