package io.cmohub.model.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A GS1 Serial Shipping Container Code (AI 00): 18 digits with a GS1 check digit. */
public record Sscc(String value) {
    public Sscc {
        Gs1CheckDigit.require("SSCC", value, 18);
    }

    @JsonCreator
    public static Sscc of(String value) {
        return new Sscc(value);
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
