package io.cmohub.model.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A batch (lot) number, GS1 AI (10): 1 to 20 characters of GS1 character set 82. Case matters: EMVS compares it exactly. */
public record BatchId(String value) {
    public static final int MAX_LENGTH = 20;

    public BatchId {
        Gs1CharacterSet.require("batch id", value, MAX_LENGTH);
    }

    @JsonCreator
    public static BatchId of(String value) {
        return new BatchId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
