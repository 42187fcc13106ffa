-- Exchange watching a user's calendar for the product (a Graph subscription): one per bookable user at
-- most (the unique key is what keeps two cluster members from both creating one). watch_id is NULL
-- while a member is creating it. The secret token Exchange sends back with every callback is kept only
-- as its SHA-256: enough to check a callback, useless to forge one.
-- No key to bookable_user: a removed user's row stays until its watch is stopped on Exchange's side.
-- (V15 to V17 are taken by other branches.)
CREATE SEQUENCE calendar_watch_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE calendar_watch (
    id            BIGINT       NOT NULL PRIMARY KEY,
    account_id    BIGINT       NOT NULL,
    user_id       BIGINT       NOT NULL,
    generation    BIGINT       NOT NULL,
    watch_id      VARCHAR(200),
    secret_sha256 VARCHAR(64)  NOT NULL,
    claimed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT calendar_watch_user_unique UNIQUE (user_id),
    CONSTRAINT calendar_watch_watch_unique UNIQUE (watch_id),
    CONSTRAINT calendar_watch_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
);

CREATE INDEX calendar_watch_account ON calendar_watch (account_id);
