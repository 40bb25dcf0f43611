package io.cmohub.model;

import static io.cmohub.model.RecordRules.optionalText;
import static io.cmohub.model.RecordRules.required;

import java.time.Instant;

/** The line clearance before a packaging run: who did it, who verified it, whether it passed and where the record is. */
public record LineClearance(Instant performedAt, String performedBy, String verifiedBy, Boolean passed, String recordRef) {
    public LineClearance {
        required(performedAt, "lineClearance.performedAt");
        required(passed, "lineClearance.passed");
        optionalText(performedBy, "lineClearance.performedBy", 100);
        optionalText(verifiedBy, "lineClearance.verifiedBy", 100);
        optionalText(recordRef, "lineClearance.recordRef", 200);
    }
}
