package io.cmohub.model;

import static io.cmohub.model.RecordRules.nonNegative;
import static io.cmohub.model.RecordRules.requiredText;

/**
 * How many packs of a query got one answer: a {@link PackStatus} name, or what the Hub said instead
 * of a state ({@code UNKNOWN_PRODUCT}, {@code UNKNOWN_SERIAL}, {@code NOT_IN_MARKET}), or
 * {@code HUB_FAULT} when the Hub refused the pack with a fault.
 */
public record PackStateCount(String answer, long packs) {
    public PackStateCount {
        requiredText(answer, "answer", 32);
        nonNegative(packs, "packs");
    }
}
