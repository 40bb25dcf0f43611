package io.cmohub.connector.mapping;

import io.cmohub.connector.testkit.GeneratedDocument;

class MesBatchRecordCsvTest extends ReferenceMappingTest {
    MesBatchRecordCsvTest() {
        super("mes-batch-record-csv");
    }

    private static final String NOTE = "Plant note - filled after line clearance - IPC results within limits - no deviation raised for this lot. ".repeat(3);

    @Override
    protected GeneratedDocument largeDocument() {
        return GeneratedDocument.utf8("Material GTIN,Batch,Status,Site,Expiry,Manufactured,Released,Planned Qty,Actual Qty,Unit,Markets,Changed At,Note\n",
                i -> "05012345678900,B" + i + ",REL,ACME-LYON,270600,2025-02-10,2025-03-01,120000,119850,EA,DE FR,2025-03-01T09:15:30+01:00," + NOTE + "\n",
                "", 450_000);
    }
}
