package io.cmohub.euhub;

/** What the Hub found for a {@link PackQuery}. */
public enum PackOutcome {
    /** The pack is known; {@link PackStateResult#state()} holds it. */
    FOUND,
    /** No master data for the product code. */
    UNKNOWN_PRODUCT,
    /** The product is known, the serial was never uploaded: what an NMVS raises as A3. */
    UNKNOWN_SERIAL,
    /** The pack is known but its batch was not uploaded for the queried market: the A2 situation. */
    NOT_IN_MARKET
}
