-- EPCIS error declarations (canonical action RETRACT) of commissioning events (portable H2/PostgreSQL).
--
-- A CMO that commissioned serials under the wrong batch declares that event erroneous and
-- commissions them again under the right one. The registry must then forget the first
-- commissioning, or alerts on those packs are attributed to a batch that never held them and
-- reconciliation reports a duplicate identifier. The declaration carries the id of the event it
-- retracts (GS1's event hash leaves the declaration out), so the serials that event registered are
-- removed by (partner_id, source_event_id).
--
-- coordination_serial_retraction: one row per retraction chunk applied. It is the idempotency key for
-- retractions (a RETRACT shares its source_event_id and chunk index with the commissioning it
-- retracts, so coordination_serial_chunk cannot hold it), and what keeps a commissioning that
-- arrives after its own retraction out.
CREATE TABLE coordination_serial_retraction (
    partner_id      VARCHAR(64)  NOT NULL,
    source_event_id VARCHAR(128) NOT NULL,
    chunk_index     INTEGER      NOT NULL,
    serials_removed INTEGER      NOT NULL,
    applied_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (partner_id, source_event_id, chunk_index)
);
CREATE INDEX coordination_serial_event_idx ON coordination_serial (partner_id, source_event_id);

-- A serial already held under a batch when another event commissions it under the same batch (a
-- corrected event sent before the declaration of the first, or another CMO's event): that event's
-- claim, kept aside. coordination_serial names one event per serial and batch; when that event is
-- retracted, the serial passes to the earliest claim instead of leaving the registry.
CREATE TABLE coordination_serial_claim (
    product_code    VARCHAR(14)  NOT NULL,
    serial          VARCHAR(20)  NOT NULL,
    batch_id        VARCHAR(20)  NOT NULL,
    partner_id      VARCHAR(64)  NOT NULL,
    source_event_id VARCHAR(128) NOT NULL,
    commissioned_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (product_code, serial, batch_id, partner_id, source_event_id)
);
CREATE INDEX coordination_serial_claim_event_idx ON coordination_serial_claim (partner_id, source_event_id);
