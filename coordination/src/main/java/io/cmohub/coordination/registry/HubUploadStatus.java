package io.cmohub.coordination.registry;

/** What the registry last learned about a batch's pack-data upload to the EU Hub. */
public enum HubUploadStatus {
    /** Nobody has asked the Hub yet. */
    NOT_CHECKED,
    /** The Hub holds the batch and as many serials as the CMO commissioned. */
    UPLOADED,
    /** The Hub holds the batch, but not as many serials as the CMO commissioned. */
    INCOMPLETE,
    /** The Hub has no such batch. */
    NOT_UPLOADED,
    /** An upload for the batch was refused (A16/I1). */
    REJECTED
}
