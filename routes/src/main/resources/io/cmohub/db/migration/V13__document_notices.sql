-- What a connector reported about a document that is not an error (issue 19): a leniency it allowed,
-- columns the mapping left unread. Replaced with the errors each time the document's outcome is recorded.
CREATE TABLE document_notice (
    document_id VARCHAR(36)   NOT NULL REFERENCES document (document_id),
    seq         INTEGER       NOT NULL,
    location    VARCHAR(200)  NOT NULL,
    message     VARCHAR(2000) NOT NULL,
    PRIMARY KEY (document_id, seq)
);
