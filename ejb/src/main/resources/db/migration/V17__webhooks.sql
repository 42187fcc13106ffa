-- Webhooks to the integrating app (issue 17). V17, not V15: V15 and V16 are left to the other parts of the
-- issue being built beside this one.

-- An account's endpoints. The signing secret is stored sealed like every secret (SecretBox); during a
-- rotation the previous one stays valid, and is signed with too, until previous_secret_until.
CREATE SEQUENCE webhook_endpoint_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE webhook_endpoint (
    id                         BIGINT        NOT NULL PRIMARY KEY,
    account_id                 BIGINT        NOT NULL,
    url                        VARCHAR(2000) NOT NULL,
    secret_ciphertext          VARCHAR(1000) NOT NULL,
    previous_secret_ciphertext VARCHAR(1000),
    previous_secret_until      TIMESTAMP WITH TIME ZONE,
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT webhook_endpoint_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
);

CREATE INDEX webhook_endpoint_account ON webhook_endpoint (account_id);

-- The outbox: one row per event and endpoint, written in the transaction of the change that causes the
-- event, and then the delivery log. A dispatcher claims a due row (claim, claimed_until), calls the
-- endpoint with no transaction open, and records the outcome only if it still holds the claim.
CREATE SEQUENCE webhook_delivery_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE webhook_delivery (
    id              BIGINT        NOT NULL PRIMARY KEY,
    endpoint_id     BIGINT        NOT NULL,
    account_id      BIGINT        NOT NULL,
    event_id        VARCHAR(36)   NOT NULL,
    event_type      VARCHAR(60)   NOT NULL,
    payload         VARCHAR(8000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    last_attempt_at TIMESTAMP WITH TIME ZONE,
    last_status     INTEGER,
    last_error      VARCHAR(500),
    claim           VARCHAR(36),
    claimed_until   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT webhook_delivery_once UNIQUE (endpoint_id, event_id),
    CONSTRAINT webhook_delivery_endpoint_fk FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoint (id) ON DELETE CASCADE
);

CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX webhook_delivery_account ON webhook_delivery (account_id, created_at);

-- Who cancelled a booking (API, ADMIN, OUTLOOK), kept from the start of a cancellation to the event
-- that reports it, which may be written by another transaction (the item deleted, or the sweep).
ALTER TABLE booking ADD COLUMN cancelled_by VARCHAR(10);
