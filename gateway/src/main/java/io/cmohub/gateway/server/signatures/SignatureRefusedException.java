package io.cmohub.gateway.server.signatures;

/** A signature that cannot be used for the action it was presented with; the message says why. */
public class SignatureRefusedException extends RuntimeException {
    public SignatureRefusedException(String message) {
        super(message);
    }
}
