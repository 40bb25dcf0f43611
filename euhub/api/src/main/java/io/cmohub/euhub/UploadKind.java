package io.cmohub.euhub;

/** What an upload carried: product master data (common and per market) or pack data (a batch with serials). */
public enum UploadKind { PRODUCT_MASTER_DATA, PACK_DATA }
