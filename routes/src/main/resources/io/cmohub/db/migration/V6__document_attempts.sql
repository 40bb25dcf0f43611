-- How often processing of a document was started, and the last failure: a document that kills its
-- processor (out of memory, a crash) is given up after cmohub.dispatch.max-attempts starts, across restarts.
ALTER TABLE document ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE document ADD COLUMN last_failure VARCHAR(2000);
