package io.cmohub.connector.mapping;

import io.cmohub.connector.testkit.GeneratedDocument;

class QualityEventListCsvTest extends ReferenceMappingTest {
    QualityEventListCsvTest() {
        super("quality-event-list-csv");
    }

    private static final String NOTE = "Plant note - filled after line clearance - IPC results within limits - no deviation raised for this lot. ".repeat(3);

    @Override
    protected GeneratedDocument largeDocument() {
        return GeneratedDocument.utf8("Number,Type,Classification,Status,Site,Title,Description,Opened,Due,Closed,GTIN,Batch,Note\n",
                i -> "DEV-" + i + ",DEV,Major,Investigation,ACME-LYON,Label roll mix-up on line 3,Two label rolls staged together,"
                        + "2025-03-02,2025-04-01,,05012345678900,B2025-0042," + NOTE + "\n",
                "", 400_000);
    }
}
