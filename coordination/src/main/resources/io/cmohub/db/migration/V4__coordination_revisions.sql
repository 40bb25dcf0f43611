-- Revisions of the published InvestigationCase and EvidenceRequest states (portable H2/PostgreSQL).
--
-- Event ids are derived from a record's content, so a case or request that returned to an earlier
-- state (A -> B -> A) used to get the id of the first A back: the outbox and every consumer's
-- deduplication swallowed it and consumers stayed at B. Each published state now carries a
-- revision, counted per row under the case lock, and the record's revision is part of its content.
--
-- revision:           the revision last published (0: none published since this migration; rows of
--                     cases opened before it publish revision 1 at their next change).
-- published_content:  EventIds hash of that state without its revision. A change that leaves the
--                     published content as it was (e.g. a reconciliation with the same outcome)
--                     publishes nothing, as before.
ALTER TABLE coordination_case ADD COLUMN revision INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE coordination_case ADD COLUMN published_content VARCHAR(64);
ALTER TABLE coordination_evidence_request ADD COLUMN revision INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE coordination_evidence_request ADD COLUMN published_content VARCHAR(64);
