package io.cmohub.connector.b2mml;

import java.util.Arrays;
import java.util.Optional;

/**
 * The V0700 documents this connector maps, by root element: a BatchProductionRecord on its own or in
 * a BOD, and MaterialInformation on its own or in a BOD. Get, Cancel, Acknowledge, Respond and
 * Confirm BODs are requests or replies, not statements of fact about batches, and are refused.
 */
enum B2mmlDocumentKind {
    BATCH_PRODUCTION_RECORDS("BatchProductionRecord", "BatchProductionRecord", "SyncBatchProductionRecord", "ProcessBatchProductionRecord",
            "ShowBatchProductionRecord", "ChangeBatchProductionRecord"),
    MATERIAL_INFORMATION("MaterialLot", "MaterialInformation", "SyncMaterialInformation", "ProcessMaterialInformation",
            "ShowMaterialInformation", "ChangeMaterialInformation");

    /** The repeated element that is one source record. */
    final String recordElement;
    private final String[] roots;

    B2mmlDocumentKind(String recordElement, String... roots) {
        this.recordElement = recordElement;
        this.roots = roots;
    }

    static Optional<B2mmlDocumentKind> ofRoot(String localName) {
        return Arrays.stream(values()).filter(k -> Arrays.asList(k.roots).contains(localName)).findFirst();
    }

    static String supportedRoots() {
        return String.join(", ", BATCH_PRODUCTION_RECORDS.roots) + ", " + String.join(", ", MATERIAL_INFORMATION.roots);
    }
}
