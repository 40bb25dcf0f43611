package io.cmohub.model;

import static io.cmohub.model.RecordRules.nonNegative;

/** How many serial numbers a packaging run commissioned, decommissioned on line (rejects, samples) and sent on. */
public record SerialCounts(long commissioned, long decommissioned, long sampled) {
    public SerialCounts {
        nonNegative(commissioned, "serialCounts.commissioned");
        nonNegative(decommissioned, "serialCounts.decommissioned");
        nonNegative(sampled, "serialCounts.sampled");
    }
}
