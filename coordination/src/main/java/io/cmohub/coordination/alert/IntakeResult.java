package io.cmohub.coordination.alert;

/**
 * @param alertId the canonical alert id the notice was filed under (for an upload rejection, its upload reference)
 * @param eventId the canonical event published by this call, or null when nothing was published
 */
public record IntakeResult(IntakeOutcome outcome, String alertId, String eventId) {
}
