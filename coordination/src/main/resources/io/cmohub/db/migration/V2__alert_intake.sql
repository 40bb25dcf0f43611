-- Alert intake (docs/alert-intake.md). Portable SQL for H2 and PostgreSQL.

-- One row per canonical alert, whichever channels delivered it. alert_json is the current canonical
-- Alert (CanonicalJson); version counts its published versions.
CREATE TABLE alert (
    alert_id          VARCHAR(128)   PRIMARY KEY,
    code              VARCHAR(32)    NOT NULL,
    -- SHA-256 of code, scanned product code, scanned serial and market; null when one of them is missing
    match_key         VARCHAR(64),
    raised_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    first_received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           INTEGER        NOT NULL,
    last_event_id     VARCHAR(64),
    alert_json        VARCHAR(16000) NOT NULL
);
CREATE INDEX alert_match_idx ON alert (match_key, raised_at);

-- Every channel that delivered an alert, under the alert id that channel used, with the first receipt.
CREATE TABLE alert_source (
    alert_id    VARCHAR(128) NOT NULL REFERENCES alert (alert_id),
    channel     VARCHAR(16)  NOT NULL,
    source_ref  VARCHAR(128) NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    raw_sha256  VARCHAR(64),
    PRIMARY KEY (alert_id, channel, source_ref)
);
CREATE INDEX alert_source_ref_idx ON alert_source (source_ref);

-- Row locks that serialise concurrent deliveries of one alert (by id and by match key), on one node or several.
CREATE TABLE alert_lock (
    lock_key VARCHAR(64) PRIMARY KEY
);

-- Where each EAMS poller stands: the window [window_from, window_to) being read and the next page.
CREATE TABLE eams_cursor (
    poller_name VARCHAR(64)  PRIMARY KEY,
    window_from TIMESTAMP WITH TIME ZONE NOT NULL,
    window_to   TIMESTAMP WITH TIME ZONE,
    page_token  VARCHAR(512),
    version     BIGINT       NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
