-- Which key sealed each audit row (HMAC-SHA-256 with a key kept outside the database); NULL for rows
-- written before the chain was keyed (plain SHA-256). Once a row is keyed, every later row must be.
ALTER TABLE audit_event ADD COLUMN key_id VARCHAR(16);
