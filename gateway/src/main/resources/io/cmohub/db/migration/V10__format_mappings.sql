-- Mapping files administered through the API (issue 22): every saved version is kept, the highest is in use.
-- A document is read with the version current when it is parsed; the audit row of each save has its digest.
CREATE TABLE format_mapping (
    format_id   VARCHAR(64)     NOT NULL,
    version     INTEGER         NOT NULL,
    definition  VARCHAR(262144) NOT NULL,
    sha256      VARCHAR(64)     NOT NULL,
    saved_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    saved_by    VARCHAR(200)    NOT NULL,
    signature   VARCHAR(400)    NOT NULL,
    PRIMARY KEY (format_id, version)
);
