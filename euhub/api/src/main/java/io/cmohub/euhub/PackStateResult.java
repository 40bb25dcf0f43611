package io.cmohub.euhub;

import io.cmohub.model.PackState;
import java.util.Objects;
import java.util.Optional;

/**
 * The Hub's answer for one {@link PackQuery}. {@code state} is present exactly when the outcome is
 * {@link PackOutcome#FOUND}; its {@code reportedAt} is when the Hub answered, which tells a caller
 * how old a cached answer is. {@code message} is the Hub's own explanation, if it gave one.
 */
public record PackStateResult(PackQuery query, PackOutcome outcome, PackState state, String message) {

    public PackStateResult {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == PackOutcome.FOUND) != (state != null)) {
            throw new IllegalArgumentException("a pack state is required for outcome FOUND and only for it (outcome " + outcome + ")");
        }
    }

    public static PackStateResult found(PackQuery query, PackState state) {
        return new PackStateResult(query, PackOutcome.FOUND, state, null);
    }

    public boolean found() {
        return outcome == PackOutcome.FOUND;
    }

    public Optional<PackState> packState() {
        return Optional.ofNullable(state);
    }
}
