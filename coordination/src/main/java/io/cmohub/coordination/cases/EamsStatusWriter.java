package io.cmohub.coordination.cases;

/**
 * Writes case progress back to the alert management system (EAMS or a national tool). The adapter
 * belongs to alert intake; the gateway binds it. Called from the outbox after commit, possibly more
 * than once per {@link EamsUpdate#updateId()}, so implementations must tolerate a repeat (setting
 * the same status twice is harmless in the EAMS). Throw to have the update retried.
 */
@FunctionalInterface
public interface EamsStatusWriter {
    /** For hosts without an EAMS connection: updates are recorded on the timeline and in the audit trail only. */
    EamsStatusWriter NONE = update -> {
    };

    void write(EamsUpdate update) throws Exception;
}
