package io.cmohub.connector.epcis;

import java.util.function.Function;

/**
 * A conversion that remembers its last input and result. Consecutive events of a document mostly
 * repeat their read point and their expiry; converting them once instead of per event is free when
 * they repeat and costs one comparison when they do not. A failing conversion is not remembered, so
 * every event with a bad value gets its own error.
 */
final class LastConversion<T> {
    private final Function<String, T> conversion;
    private String lastInput;
    private T lastResult;

    LastConversion(Function<String, T> conversion) {
        this.conversion = conversion;
    }

    T apply(String input) {
        if (input.equals(lastInput)) {
            return lastResult;
        }
        T result = conversion.apply(input);
        lastInput = input;
        lastResult = result;
        return result;
    }
}
