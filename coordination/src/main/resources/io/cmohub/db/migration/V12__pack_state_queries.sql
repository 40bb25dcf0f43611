-- EU Hub pack-state queries asked on behalf of sponsor systems (issue 24), portable H2/PostgreSQL.
--
-- pack_state_query: one row per query. A query is asked in chunks in seq order; next_seq is the
-- first pack not asked yet, so a restart resumes there and no answered pack is asked again. The
-- lease (lease_owner, lease_until) keeps two nodes off the same query; a node that died leaves a
-- lease that runs out. A PAUSED query (the Hub's circuit is open, or the Hub failed) is taken up
-- again at resume_at. A COMPLETED query whose summary event is not sent yet (summary_sent false) is
-- taken up once more to send it.
CREATE TABLE pack_state_query (
    query_id       VARCHAR(64)   PRIMARY KEY,
    scope          VARCHAR(8)    NOT NULL,
    sweep          VARCHAR(16),
    product_code   VARCHAR(14),
    batch_id       VARCHAR(20),
    market         VARCHAR(2),
    requested_by   VARCHAR(200)  NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    asked          BIGINT        NOT NULL,
    answered       BIGINT        NOT NULL,
    failed         BIGINT        NOT NULL,
    next_seq       INTEGER       NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE,
    completed_at   TIMESTAMP WITH TIME ZONE,
    paused_reason  VARCHAR(1000),
    pauses         INTEGER       NOT NULL,
    resume_at      TIMESTAMP WITH TIME ZONE,
    lease_owner    VARCHAR(200),
    lease_until    TIMESTAMP WITH TIME ZONE,
    summary_sent   BOOLEAN       NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX pack_state_query_due_idx ON pack_state_query (status, resume_at);
CREATE INDEX pack_state_query_created_idx ON pack_state_query (created_at);

-- pack_state_query_pack: the packs of a query and, once asked, the Hub's answer: a pack state
-- (ACTIVE, SUPPLIED, ...), UNKNOWN_PRODUCT, UNKNOWN_SERIAL, NOT_IN_MARKET, or HUB_FAULT with the
-- Hub's reason in message. answer is NULL until the pack was asked.
CREATE TABLE pack_state_query_pack (
    query_id              VARCHAR(64)  NOT NULL REFERENCES pack_state_query (query_id),
    seq                   INTEGER      NOT NULL,
    product_code          VARCHAR(14)  NOT NULL,
    serial                VARCHAR(20)  NOT NULL,
    market                VARCHAR(2),
    answer                VARCHAR(32),
    batch_id              VARCHAR(20),
    expiry                VARCHAR(6),
    batch_state           VARCHAR(16),
    product_state         VARCHAR(16),
    state_changed_at      TIMESTAMP WITH TIME ZONE,
    decommission_location VARCHAR(200),
    message               VARCHAR(1000),
    answered_at           TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (query_id, seq)
);
CREATE INDEX pack_state_query_answer_idx ON pack_state_query_pack (query_id, answer);

-- pack_state_query_count: how many packs of a query got each answer, kept with each chunk's answers,
-- so that a status request (which sponsor systems poll) does not count a million pack rows.
CREATE TABLE pack_state_query_count (
    query_id VARCHAR(64) NOT NULL REFERENCES pack_state_query (query_id),
    answer   VARCHAR(32) NOT NULL,
    packs    BIGINT      NOT NULL,
    PRIMARY KEY (query_id, answer)
);
