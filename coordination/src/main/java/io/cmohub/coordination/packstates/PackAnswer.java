package io.cmohub.coordination.packstates;

import io.cmohub.euhub.PackOutcome;
import io.cmohub.euhub.PackQuery;
import io.cmohub.euhub.PackStateResult;
import io.cmohub.model.PackState;
import java.time.Instant;
import java.util.Objects;

/**
 * The Hub's answer for one pack of a query: {@code answer} is the pack state's name when the Hub found
 * the pack, else its outcome ({@code UNKNOWN_SERIAL}, ...), or {@link #HUB_FAULT} with the Hub's reason
 * in {@code message}. {@code state} is present exactly for found packs.
 */
public record PackAnswer(int seq, PackQuery query, String answer, PackState state, String message, Instant answeredAt) {
    public static final String HUB_FAULT = "HUB_FAULT";
    private static final int MAX_MESSAGE = 1000;

    public PackAnswer {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(answer, "answer");
        message = message == null || message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 3) + "...";
    }

    static PackAnswer of(int seq, PackStateResult result, Instant now) {
        String answer = result.found() ? result.state().state().name() : result.outcome().name();
        return new PackAnswer(seq, result.query(), answer, result.state(), result.message(), result.found() ? result.state().reportedAt() : now);
    }

    static PackAnswer fault(int seq, PackQuery query, String reason, Instant now) {
        return new PackAnswer(seq, query, HUB_FAULT, null, reason, now);
    }

    public boolean failed() {
        return HUB_FAULT.equals(answer);
    }

    /** The Hub knows the pack, whatever its state. */
    public boolean found() {
        return state != null;
    }

    /** The Hub said it does not know the pack (or not for the market asked). */
    public boolean unknownAtHub() {
        return answer.equals(PackOutcome.UNKNOWN_PRODUCT.name()) || answer.equals(PackOutcome.UNKNOWN_SERIAL.name())
                || answer.equals(PackOutcome.NOT_IN_MARKET.name());
    }
}
