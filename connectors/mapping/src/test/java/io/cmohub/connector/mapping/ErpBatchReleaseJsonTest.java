package io.cmohub.connector.mapping;

import io.cmohub.connector.testkit.GeneratedDocument;

class ErpBatchReleaseJsonTest extends ReferenceMappingTest {
    ErpBatchReleaseJsonTest() {
        super("erp-batch-release-json");
    }

    private static final String NOTE = "Plant note - filled after line clearance - IPC results within limits - no deviation raised for this lot. ".repeat(3);

    @Override
    protected GeneratedDocument largeDocument() {
        return GeneratedDocument.utf8("{\"exportedAt\": \"2025-03-01T10:00:00Z\", \"batches\": [\n",
                i -> (i == 0 ? "" : ",\n") + "{\"material\": {\"gtin\": \"05012345678900\"}, \"lot\": \"B" + i + "\", \"stockCategory\": \"UR\", "
                        + "\"plant\": \"ACME-LYON\", \"expiry\": \"2027-06-30\", \"releaseDate\": \"2025-03-01\", "
                        + "\"quantity\": {\"value\": 119850.50, \"unit\": \"EA\"}, \"markets\": \"DE,FR\", \"changedAt\": \"2025-03-01T09:15:30+01:00\", \"note\": \"" + NOTE + "\"}",
                "\n]}\n", 300_000);
    }
}
