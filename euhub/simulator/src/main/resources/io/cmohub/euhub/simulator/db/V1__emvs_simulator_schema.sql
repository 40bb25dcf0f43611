-- EU Hub simulator: the data the simulated Hub answers from. Portable SQL (H2 and PostgreSQL).
-- Tables are prefixed emvs_sim_ and Flyway keeps its own history table
-- (emvs_simulator_schema_history), so the simulator can share the hub's database and schema.
-- States that follow from other data are not stored: a batch is RECALLED when it has a recall row
-- and EXPIRED when its expiry is before the simulator's today; a product is WITHDRAWN in a market
-- when withdrawn_at is set.

CREATE TABLE emvs_sim_product (
    product_code  VARCHAR(14)  PRIMARY KEY,
    coding_scheme VARCHAR(4)   NOT NULL,
    name          VARCHAR(255) NOT NULL,
    common_name   VARCHAR(255)
);

CREATE TABLE emvs_sim_product_market (
    product_code  VARCHAR(14) NOT NULL REFERENCES emvs_sim_product (product_code),
    market        VARCHAR(2)  NOT NULL,
    national_code VARCHAR(64),
    withdrawn_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (product_code, market)
);

CREATE TABLE emvs_sim_batch (
    product_code VARCHAR(14) NOT NULL REFERENCES emvs_sim_product (product_code),
    batch_id     VARCHAR(20) NOT NULL,
    expiry       VARCHAR(6)  NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (product_code, batch_id)
);

CREATE TABLE emvs_sim_batch_market (
    product_code VARCHAR(14) NOT NULL,
    batch_id     VARCHAR(20) NOT NULL,
    market       VARCHAR(2)  NOT NULL,
    PRIMARY KEY (product_code, batch_id, market),
    FOREIGN KEY (product_code, batch_id) REFERENCES emvs_sim_batch (product_code, batch_id)
);

CREATE TABLE emvs_sim_recall (
    product_code VARCHAR(14)   NOT NULL,
    batch_id     VARCHAR(20)   NOT NULL,
    reason       VARCHAR(2000) NOT NULL,
    recalled_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (product_code, batch_id),
    FOREIGN KEY (product_code, batch_id) REFERENCES emvs_sim_batch (product_code, batch_id)
);

CREATE TABLE emvs_sim_pack (
    product_code          VARCHAR(14) NOT NULL,
    serial_number         VARCHAR(20) NOT NULL,
    batch_id              VARCHAR(20) NOT NULL,
    state                 VARCHAR(16) NOT NULL,
    state_changed_at      TIMESTAMP WITH TIME ZONE,
    decommission_location VARCHAR(200),
    PRIMARY KEY (product_code, serial_number),
    FOREIGN KEY (product_code, batch_id) REFERENCES emvs_sim_batch (product_code, batch_id)
);
CREATE INDEX emvs_sim_pack_batch_idx ON emvs_sim_pack (product_code, batch_id);

CREATE TABLE emvs_sim_upload (
    upload_ref   VARCHAR(128) PRIMARY KEY,
    kind         VARCHAR(24)  NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    product_code VARCHAR(14),
    batch_id     VARCHAR(20),
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE emvs_sim_upload_rejection (
    upload_ref VARCHAR(128)  NOT NULL REFERENCES emvs_sim_upload (upload_ref),
    seq        INTEGER       NOT NULL,
    code       VARCHAR(32)   NOT NULL,
    message    VARCHAR(2000) NOT NULL,
    field      VARCHAR(200),
    market     VARCHAR(2),
    PRIMARY KEY (upload_ref, seq)
);
