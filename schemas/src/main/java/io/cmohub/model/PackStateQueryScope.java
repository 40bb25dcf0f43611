package io.cmohub.model;

/** What a pack-state query asked: a list (or CSV) of packs, a batch's registered serials, or a scheduled check's batch. */
public enum PackStateQueryScope { PACKS, BATCH, SWEEP }
