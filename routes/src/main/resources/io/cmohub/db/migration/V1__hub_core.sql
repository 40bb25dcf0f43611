-- cmo-hub core schema. Portable SQL: the same migration runs on H2 (embedded default) and PostgreSQL.

CREATE TABLE partner (
    partner_id          VARCHAR(64)  PRIMARY KEY,
    name                VARCHAR(200) NOT NULL,
    api_key_sha256      VARCHAR(64),
    certificate_subject VARCHAR(500),
    enabled             BOOLEAN      NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Products and sites a partner may report on: checked for every record, not only per document.
CREATE TABLE partner_product (
    partner_id   VARCHAR(64) NOT NULL REFERENCES partner (partner_id),
    product_code VARCHAR(14) NOT NULL,
    PRIMARY KEY (partner_id, product_code)
);

CREATE TABLE partner_site (
    partner_id VARCHAR(64) NOT NULL REFERENCES partner (partner_id),
    site_id    VARCHAR(64) NOT NULL,
    PRIMARY KEY (partner_id, site_id)
);

-- Formats a partner may send, with the connector configuration used for its documents (JSON object).
CREATE TABLE partner_format (
    partner_id  VARCHAR(64)   NOT NULL REFERENCES partner (partner_id),
    format_id   VARCHAR(64)   NOT NULL,
    config_json VARCHAR(4000) NOT NULL,
    PRIMARY KEY (partner_id, format_id)
);

CREATE TABLE document (
    document_id       VARCHAR(36)  PRIMARY KEY,
    partner_id        VARCHAR(64)  NOT NULL,
    format_id         VARCHAR(64)  NOT NULL,
    channel           VARCHAR(16)  NOT NULL,
    original_name     VARCHAR(500),
    sha256            VARCHAR(64)  NOT NULL,
    size_bytes        BIGINT       NOT NULL,
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    status            VARCHAR(24)  NOT NULL,
    processed_records BIGINT       NOT NULL,
    source_events     BIGINT,
    canonical_records BIGINT,
    published         BIGINT,
    duplicates        BIGINT,
    rejected_records  BIGINT,
    errors_omitted    BIGINT,
    replay_of         VARCHAR(36),
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX document_status_idx ON document (status, received_at);

CREATE TABLE document_error (
    document_id VARCHAR(36)   NOT NULL REFERENCES document (document_id),
    seq         INTEGER       NOT NULL,
    location    VARCHAR(200),
    field       VARCHAR(200),
    reason      VARCHAR(2000) NOT NULL,
    PRIMARY KEY (document_id, seq)
);

-- The hub's deduplication ledger: one row per canonical event id ever published.
CREATE TABLE published_event (
    event_id     VARCHAR(64) PRIMARY KEY,
    document_id  VARCHAR(36) NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Hash-chained audit trail (21 CFR 11.10(e), EU GMP Annex 11 §9): rows are only ever inserted.
CREATE TABLE audit_event (
    seq         BIGINT        PRIMARY KEY,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(200)  NOT NULL,
    action      VARCHAR(64)   NOT NULL,
    object_type VARCHAR(64)   NOT NULL,
    object_id   VARCHAR(200),
    outcome     VARCHAR(32)   NOT NULL,
    reason      VARCHAR(2000),
    details     VARCHAR(4000),
    prev_hash   VARCHAR(64)   NOT NULL,
    hash        VARCHAR(64)   NOT NULL
);

-- The chain's head, locked by every append so that appends from several nodes serialise.
CREATE TABLE audit_head (
    id   INTEGER     PRIMARY KEY,
    seq  BIGINT      NOT NULL,
    hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
