package io.cmohub.model;

import static io.cmohub.model.RecordRules.nonNegative;
import static io.cmohub.model.RecordRules.required;

import io.cmohub.model.value.SerialNumber;

/** A contiguous range of serial numbers as a serialisation system allocated it, with the number of serials in it. */
public record SerialRange(SerialNumber first, SerialNumber last, long count) {
    public SerialRange {
        required(first, "serialRange.first");
        required(last, "serialRange.last");
        nonNegative(count, "serialRange.count");
    }
}
