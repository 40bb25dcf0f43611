-- A signature spent on an action that then failed is voided, not left applied to a record that did not change:
-- the signer signs again for the next attempt, and the audit trail keeps both the spend and the void.
ALTER TABLE e_signature ADD COLUMN voided_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE e_signature ADD COLUMN void_reason VARCHAR(400);
