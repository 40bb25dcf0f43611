package io.cmohub.connector;

/** What a document with some invalid records delivers. */
public enum ErrorPolicy {
    /** Any invalid record rejects the whole document; nothing is published (EPCIS 2.0 "rollback"). */
    REJECT_DOCUMENT,
    /** Valid records are published, invalid ones are rejected and reported (EPCIS 2.0 "proceed"). */
    ACCEPT_VALID
}
