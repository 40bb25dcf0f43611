package io.cmohub.routes.store;

/** Where a received document stands. The last three are final. */
public enum DocumentState {
    RECEIVED, PROCESSING, ACCEPTED, PARTIALLY_ACCEPTED, REJECTED;

    public boolean isFinal() {
        return this == ACCEPTED || this == PARTIALLY_ACCEPTED || this == REJECTED;
    }
}
