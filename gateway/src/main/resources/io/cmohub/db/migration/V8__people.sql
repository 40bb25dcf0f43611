-- Named people of the gateway (issue 22): local accounts and, for OIDC logins, the record of who logged in
-- (for the access review). Machines keep their API keys in partner / configuration.
CREATE TABLE person_account (
    username                 VARCHAR(64)  PRIMARY KEY,
    display_name             VARCHAR(200) NOT NULL,
    roles                    VARCHAR(500) NOT NULL,
    partner_id               VARCHAR(64),
    source                   VARCHAR(16)  NOT NULL,
    password_hash            VARCHAR(200),
    password_change_required BOOLEAN      NOT NULL,
    password_changed_at      TIMESTAMP WITH TIME ZONE,
    enabled                  BOOLEAN      NOT NULL,
    failed_logins            INTEGER      DEFAULT 0 NOT NULL,
    locked_until             TIMESTAMP WITH TIME ZONE,
    last_login_at            TIMESTAMP WITH TIME ZONE,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by               VARCHAR(200) NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Earlier password hashes of a local account, so that a new password cannot repeat a recent one.
CREATE TABLE person_password_history (
    username      VARCHAR(64)  NOT NULL REFERENCES person_account (username),
    password_hash VARCHAR(200) NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX person_password_history_user ON person_password_history (username, changed_at);

-- Electronic signatures (21 CFR 11.50, 11.70, 11.200): made by re-entering the password for one record and
-- one meaning, spent by the one action they were made for, and kept with the manifestation shown beside
-- the record. The audit row of the signed action names the signature id; the signature names its record.
CREATE TABLE e_signature (
    signature_id  VARCHAR(36)  PRIMARY KEY,
    signer        VARCHAR(64)  NOT NULL,
    printed_name  VARCHAR(200) NOT NULL,
    meaning       VARCHAR(40)  NOT NULL,
    record_type   VARCHAR(40)  NOT NULL,
    record_id     VARCHAR(200) NOT NULL,
    signed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    applied_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX e_signature_record ON e_signature (record_type, record_id);
