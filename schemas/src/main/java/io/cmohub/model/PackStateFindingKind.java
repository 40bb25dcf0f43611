package io.cmohub.model;

/** Where the EU Hub disagrees with what the hub knows about a batch, as a scheduled check found it. */
public enum PackStateFindingKind {
    /** Packs the registry holds as commissioned for a released batch are not ACTIVE at the Hub. */
    PACKS_NOT_ACTIVE,
    /** Packs the registry holds as commissioned are unknown to the Hub (never uploaded, or not for the market). */
    PACKS_UNKNOWN_AT_HUB,
    /** The Hub holds the batch as RECALLED while ERP holds it as RELEASED. */
    BATCH_RECALLED_AT_HUB,
    /** The Hub has no such batch while ERP or the CMO holds it as released or packed. */
    BATCH_UNKNOWN_AT_HUB,
    /** The expiry the Hub answers for the batch's packs differs from the expiry ERP holds. */
    EXPIRY_DIFFERS
}
