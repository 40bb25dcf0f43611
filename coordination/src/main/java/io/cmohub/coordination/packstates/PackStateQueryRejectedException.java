package io.cmohub.coordination.packstates;

import java.util.List;

/** A query that was not accepted, with one reason per problem, each naming the line or entry it is about. */
public final class PackStateQueryRejectedException extends RuntimeException {
    private final List<String> reasons;

    public PackStateQueryRejectedException(List<String> reasons) {
        super(String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public PackStateQueryRejectedException(String reason) {
        this(List.of(reason));
    }

    public List<String> reasons() {
        return reasons;
    }
}
