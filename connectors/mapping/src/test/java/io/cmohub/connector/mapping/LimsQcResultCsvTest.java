package io.cmohub.connector.mapping;

import io.cmohub.connector.testkit.GeneratedDocument;

class LimsQcResultCsvTest extends ReferenceMappingTest {
    LimsQcResultCsvTest() {
        super("lims-qc-result-csv");
    }

    @Override
    protected GeneratedDocument largeDocument() {
        return GeneratedDocument.utf8("GTIN;Batch;Sample;Test;Test Name;Method;Lower;Upper;Result;Unit;Evaluation;Tested;Lab\n",
                i -> "05012345678900;B" + i + ";S-001;DISS;Dissolution 30 min;Ph. Eur. 2.9.3;80,0;;" + (i % 10 == 0 ? "72,5;%;OOS" : "92,5;%;PASS")
                        + ";03.03.2025 11:40;ACME-LYON-QC\n",
                "", 1_300_000);
    }
}
