package io.cmohub.coordination.alert;

/** What {@link AlertIntake} did with a notice. */
public enum IntakeOutcome {
    /** A new alert: stored and published. */
    ACCEPTED,
    /** A known alert from a channel not seen for it before: the source is recorded, nothing re-published. */
    MERGED,
    /** A known alert whose EAMS status or investigations changed: stored and re-published as a new version. */
    UPDATED,
    /** Already received by this channel and nothing changed (a redelivery): nothing done. */
    DUPLICATE,
    /** A16/I1: published as an UploadRejection (once), not as an alert. */
    UPLOAD_REJECTION
}
