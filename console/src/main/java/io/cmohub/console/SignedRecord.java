package io.cmohub.console;

/** What a console action signs: one record and the meaning of the signature (e.g. case, its id, CLOSED_WITH_ROOT_CAUSE). */
public record SignedRecord(String recordType, String recordId, String meaning) {
}
