package io.cmohub.connector.epcis;

/**
 * An event with more fields (besides its EPC lists) than {@link Gs1EventHash} buffers. GS1's hash
 * sorts fields, so they are held until the event ends; the cap keeps one hostile event from taking
 * the heap. The assembler turns this into a rejection of that event only.
 */
final class Gs1TooManyFieldsException extends RuntimeException {
    private final int limit;

    Gs1TooManyFieldsException(int limit) {
        super(message(limit), null, false, false);
        this.limit = limit;
    }

    static String message(int limit) {
        return "the event has more than " + limit + " fields, or more than " + Gs1EventHash.CHARACTER_LIMIT
                + " characters in its fields, besides its EPC lists";
    }

    int limit() {
        return limit;
    }
}
