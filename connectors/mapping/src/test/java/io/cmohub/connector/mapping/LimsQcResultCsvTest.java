package io.cmohub.connector.mapping;

import io.cmohub.connector.testkit.GeneratedDocument;

class LimsQcResultCsvTest extends ReferenceMappingTest {
    LimsQcResultCsvTest() {
        super("lims-qc-result-csv");
    }

    private static final String NOTE = "Plant note - filled after line clearance - IPC results within limits - no deviation raised for this lot. ".repeat(3);

    @Override
    protected GeneratedDocument largeDocument() {
        return GeneratedDocument.utf8("GTIN;Batch;Sample;Test;Test Name;Method;Lower;Upper;Result;Unit;Evaluation;Tested;Lab;Note\n",
                i -> "05012345678900;B" + i + ";S-001;DISS;Dissolution 30 min;Ph. Eur. 2.9.3;80,0;;" + (i % 10 == 0 ? "72,5;%;OOS" : "92,5;%;PASS")
                        + ";03.03.2025 11:40;ACME-LYON-QC;" + NOTE + "\n",
                "", 450_000);
    }
}
