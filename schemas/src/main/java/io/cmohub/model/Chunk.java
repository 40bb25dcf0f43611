package io.cmohub.model;

import io.cmohub.model.value.InvalidValueException;

/** Position of a part when one source event is split into several canonical messages (1-based). */
public record Chunk(int index, int count) {
    public Chunk {
        if (count < 1 || index < 1 || index > count) {
            throw new InvalidValueException("chunk " + index + " of " + count + " is out of range");
        }
    }
}
