package io.cmohub.euhub.simulator;

import java.util.List;

/** Names for the rows of V2__emvs_simulator_seed.sql the tests rely on (docs/emvs-hub.md §7 lists them all). */
final class SeedData {
    static final String CARDIOZOL = "05012345100012";
    static final String RESPIFLAM = "05012345100029";
    static final String DERMOCORT = "05012345100036";
    static final String NEURODYN = "111234567842";
    /** A valid GTIN the simulated Hub has no master data for. */
    static final String UNKNOWN_PRODUCT = "05012345100043";

    static final String ACTIVE_PACK = "DEK76RN3RKAY";
    static final String A7_SUPPLIED_PACK = "GUM2RWKXJSZL";
    static final String A68_PACK = "A68EU2HJUYQW";
    static final String A68_PRINTED_BATCH = "CZ24002";
    static final String A2_PACK_OF_DE_ONLY_BATCH = "E4PMDJHWTGPC";
    static final String A3_UNKNOWN_SERIAL = "NOTUPLOADED01";
    static final String A52_PACK = "Z8V96FJKFU32";
    static final String A52_PRINTED_EXPIRY = "300331";
    static final String RECALLED_BATCH_PACK = "SG9JY5773PF2";
    static final String WITHDRAWN_IN_BE_PACK = "RSGUASLX9LVW";

    static final List<String> CZ24001_PACKS = List.of("DEK76RN3RKAY", "A68EU2HJUYQW", "WNTNYHHG664S", "Z4GD5LAKRAHR", "VKB433XYR2VL",
            "GUM2RWKXJSZL", "SHH254ZWUT5G", "RG8LRJYY7D3Q", "44RVT48JTPCX", "FJ9E39AHEQV3", "73WRQHEXUXC9", "8885Q35G3F4A", "CDVZ2D89LY5J");

    private SeedData() {
    }
}
