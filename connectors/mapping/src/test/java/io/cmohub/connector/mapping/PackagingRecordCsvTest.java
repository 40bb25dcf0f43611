package io.cmohub.connector.mapping;

import io.cmohub.connector.testkit.GeneratedDocument;

class PackagingRecordCsvTest extends ReferenceMappingTest {
    PackagingRecordCsvTest() {
        super("packaging-record-csv");
    }

    private static final String NOTE = "Plant note - filled after line clearance - IPC results within limits - no deviation raised for this lot. ".repeat(3);

    @Override
    protected GeneratedDocument largeDocument() {
        return GeneratedDocument.utf8("Run,Site,Line,GTIN,Batch,Printed Batch,Printed Expiry,Artwork,Clearance At,Clearance By,Clearance Verified By,"
                + "Clearance Result,Started,Finished,Commissioned,Decommissioned,Sampled,First Serial,Last Serial,Serials Used,Note\n",
                i -> "PR-" + i + ",ACME-LYON,L3,05012345678900,B2025-0042,B2025-0042,270600,AW-12.3,2025-03-01T05:40:00Z,jdoe,asmith,PASS,"
                        + "2025-03-01T06:00:00Z,2025-03-01T14:00:00Z,119850,150,20,SN000001,SN120020,120020," + NOTE + "\n",
                "", 350_000);
    }
}
