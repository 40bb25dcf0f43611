package io.cmohub.model;

import static io.cmohub.model.RecordRules.requiredText;

/** One piece of evidence asked of a CMO, e.g. "print-verification-log". */
public record EvidenceItem(String code, String description, Boolean required) {
    public EvidenceItem {
        requiredText(code, "item.code", 64);
        requiredText(description, "item.description", 500);
        RecordRules.required(required, "item.required");
    }
}
