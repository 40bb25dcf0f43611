-- Alert coordination (issue 7): batch registry, liaison register, investigation cases, evidence
-- requests and answers, case timeline, SLA clocks and the delivery outbox.
-- Portable SQL: the same migration runs on H2 (embedded default) and PostgreSQL. Every table is
-- prefixed coordination_ so that it cannot collide with the alert-intake tables (V2).

-- Batch registry: product + batch -> CMO, site, printed batch/expiry, serial counts, EU Hub upload status.
-- Built only from canonical records (Batch, PackagingRun, SerialisationEvent) and Hub answers.
CREATE TABLE coordination_batch (
    product_code         VARCHAR(14)  NOT NULL,
    batch_id             VARCHAR(20)  NOT NULL,
    partner_id           VARCHAR(64)  NOT NULL,
    site_id              VARCHAR(64),
    batch_status         VARCHAR(24),
    expiry_printed       VARCHAR(6),
    markets              VARCHAR(400),
    released_on          DATE,
    batch_updated_at     TIMESTAMP WITH TIME ZONE,
    hub_upload_status    VARCHAR(24)  NOT NULL,
    hub_uploaded_serials BIGINT,
    hub_expiry_printed   VARCHAR(6),
    hub_markets          VARCHAR(400),
    hub_checked_at       TIMESTAMP WITH TIME ZONE,
    hub_detail           VARCHAR(2000),
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (product_code, batch_id)
);
CREATE INDEX coordination_batch_partner_idx ON coordination_batch (partner_id);

CREATE TABLE coordination_packaging_run (
    partner_id             VARCHAR(64)  NOT NULL,
    run_id                 VARCHAR(64)  NOT NULL,
    product_code           VARCHAR(14)  NOT NULL,
    batch_id               VARCHAR(20)  NOT NULL,
    site_id                VARCHAR(64),
    line_id                VARCHAR(64)  NOT NULL,
    printed_batch_id       VARCHAR(20),
    printed_expiry         VARCHAR(6),
    artwork_version        VARCHAR(64),
    line_clearance_passed  BOOLEAN,
    line_clearance_ref     VARCHAR(200),
    started_at             TIMESTAMP WITH TIME ZONE,
    finished_at            TIMESTAMP WITH TIME ZONE,
    commissioned_reported  BIGINT,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (partner_id, run_id)
);
CREATE INDEX coordination_run_batch_idx ON coordination_packaging_run (product_code, batch_id);

-- Serials a CMO commissioned (from SerialisationEvent COMMISSION chunks). The same serial under two
-- batches is kept twice on purpose: it is the duplicate-identifier evidence an A24/A68 case needs.
CREATE TABLE coordination_serial (
    product_code    VARCHAR(14)  NOT NULL,
    serial          VARCHAR(20)  NOT NULL,
    batch_id        VARCHAR(20)  NOT NULL,
    partner_id      VARCHAR(64)  NOT NULL,
    source_event_id VARCHAR(128) NOT NULL,
    commissioned_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (product_code, serial, batch_id)
);
CREATE INDEX coordination_serial_batch_idx ON coordination_serial (product_code, batch_id);

-- One row per serialisation chunk applied: the registry's idempotency key for serial events.
CREATE TABLE coordination_serial_chunk (
    partner_id      VARCHAR(64)  NOT NULL,
    source_event_id VARCHAR(128) NOT NULL,
    chunk_index     INTEGER      NOT NULL,
    action          VARCHAR(16)  NOT NULL,
    serials         INTEGER      NOT NULL,
    applied_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (partner_id, source_event_id, chunk_index)
);

-- Liaison register: one row per CMO, with channels and holidays in child tables.
CREATE TABLE coordination_liaison (
    partner_id         VARCHAR(64)  PRIMARY KEY,
    liaison_name       VARCHAR(200) NOT NULL,
    liaison_email      VARCHAR(320),
    backup_name        VARCHAR(200),
    backup_email       VARCHAR(320),
    sla_minutes        INTEGER      NOT NULL,
    alert_path         VARCHAR(16)  NOT NULL,
    time_zone          VARCHAR(64)  NOT NULL,
    working_days       VARCHAR(64)  NOT NULL,
    day_start          VARCHAR(5)   NOT NULL,
    day_end            VARCHAR(5)   NOT NULL,
    version            INTEGER      NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by         VARCHAR(200) NOT NULL
);

CREATE TABLE coordination_liaison_channel (
    partner_id   VARCHAR(64)  NOT NULL REFERENCES coordination_liaison (partner_id),
    seq          INTEGER      NOT NULL,
    channel_type VARCHAR(16)  NOT NULL,
    address      VARCHAR(1000) NOT NULL,
    secret_ref   VARCHAR(200),
    PRIMARY KEY (partner_id, seq)
);

CREATE TABLE coordination_liaison_holiday (
    partner_id   VARCHAR(64) NOT NULL REFERENCES coordination_liaison (partner_id),
    holiday_date DATE        NOT NULL,
    PRIMARY KEY (partner_id, holiday_date)
);

-- Investigation cases. group_key (alert code + product + batch) lets a second alert on the same
-- batch join the open case instead of opening another one.
CREATE TABLE coordination_case (
    case_id             VARCHAR(64)   PRIMARY KEY,
    group_key           VARCHAR(200)  NOT NULL,
    alert_code          VARCHAR(32)   NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    product_code        VARCHAR(14),
    batch_id            VARCHAR(20),
    market              VARCHAR(2),
    attribution_outcome VARCHAR(24)   NOT NULL,
    attribution_reason  VARCHAR(500)  NOT NULL,
    partner_id          VARCHAR(64),
    site_id             VARCHAR(64),
    line_id             VARCHAR(64),
    run_id              VARCHAR(64),
    verdict             VARCHAR(32),
    verdict_json        VARCHAR(20000),
    summary             VARCHAR(4000),
    opened_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at           TIMESTAMP WITH TIME ZONE,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX coordination_case_group_idx ON coordination_case (group_key, status);
CREATE INDEX coordination_case_partner_idx ON coordination_case (partner_id, opened_at);

-- Each alert belongs to exactly one case: the primary key makes a re-delivered alert a no-op.
CREATE TABLE coordination_case_alert (
    alert_id   VARCHAR(128) PRIMARY KEY,
    case_id    VARCHAR(64)  NOT NULL REFERENCES coordination_case (case_id),
    alert_code VARCHAR(32)  NOT NULL,
    market     VARCHAR(2),
    serial     VARCHAR(100),
    raised_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    alert_json VARCHAR(16000) NOT NULL -- as wide as alert intake's own copy: cut JSON could not be read back
);

CREATE TABLE coordination_evidence_request (
    request_id   VARCHAR(64)   PRIMARY KEY,
    case_id      VARCHAR(64)   NOT NULL REFERENCES coordination_case (case_id),
    partner_id   VARCHAR(64)   NOT NULL,
    alert_code   VARCHAR(32)   NOT NULL,
    items_json   VARCHAR(8000) NOT NULL,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    channel      VARCHAR(32),
    status       VARCHAR(16)   NOT NULL,
    answered_at  TIMESTAMP WITH TIME ZONE,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX coordination_request_case_idx ON coordination_evidence_request (case_id);

CREATE TABLE coordination_evidence_answer (
    request_id   VARCHAR(64)   NOT NULL REFERENCES coordination_evidence_request (request_id),
    seq          INTEGER       NOT NULL,
    item_code    VARCHAR(64)   NOT NULL,
    answer_text  VARCHAR(4000),
    document_id  VARCHAR(36),
    file_name    VARCHAR(255),
    sha256       VARCHAR(64),
    size_bytes   BIGINT,
    answered_by  VARCHAR(200)  NOT NULL,
    answered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (request_id, seq)
);

-- The case timeline: every step, who (party MAH, CMO, SHARED or SYSTEM) and what.
CREATE TABLE coordination_timeline (
    case_id VARCHAR(64)   NOT NULL REFERENCES coordination_case (case_id),
    seq     INTEGER       NOT NULL,
    at      TIMESTAMP WITH TIME ZONE NOT NULL,
    party   VARCHAR(8)    NOT NULL,
    actor   VARCHAR(200)  NOT NULL,
    action  VARCHAR(64)   NOT NULL,
    detail  VARCHAR(4000),
    PRIMARY KEY (case_id, seq)
);

-- SLA clocks: one row per reminder/escalation. A node fires a clock by moving it from PENDING to
-- FIRED in the same transaction as the work, so several nodes sweeping one database fire it once.
CREATE TABLE coordination_sla_clock (
    clock_id   VARCHAR(80)  PRIMARY KEY,
    request_id VARCHAR(64)  NOT NULL REFERENCES coordination_evidence_request (request_id),
    kind       VARCHAR(16)  NOT NULL,
    due_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    state      VARCHAR(16)  NOT NULL,
    fired_at   TIMESTAMP WITH TIME ZONE,
    fired_by   VARCHAR(200)
);
CREATE INDEX coordination_sla_due_idx ON coordination_sla_clock (state, due_at);

-- Transactional outbox: dispatches, notifications, EAMS write-backs and canonical events are
-- written with the state change that causes them and delivered after commit, with retries.
CREATE TABLE coordination_outbox (
    message_id      VARCHAR(80)    PRIMARY KEY,
    kind            VARCHAR(24)    NOT NULL,
    case_id         VARCHAR(64),
    payload         VARCHAR(60000) NOT NULL,
    state           VARCHAR(16)    NOT NULL,
    attempts        INTEGER        NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until     TIMESTAMP WITH TIME ZONE,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(2000)
);
CREATE INDEX coordination_outbox_due_idx ON coordination_outbox (state, next_attempt_at);
