package io.cmohub.model.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A GS1 Global Location Number: 13 digits with a GS1 check digit. */
public record Gln(String value) {
    public Gln {
        Gs1CheckDigit.require("GLN", value, 13);
    }

    @JsonCreator
    public static Gln of(String value) {
        return new Gln(value);
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
