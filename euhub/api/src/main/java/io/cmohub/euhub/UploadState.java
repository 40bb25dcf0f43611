package io.cmohub.euhub;

/** Where an upload stands. Only ACCEPTED and REJECTED are final. */
public enum UploadState {
    RECEIVED, PROCESSING, ACCEPTED, REJECTED;

    public boolean isFinal() {
        return this == ACCEPTED || this == REJECTED;
    }
}
