-- API keys of the booking front end: only a hash is stored; the key is shown once, when created.
CREATE SEQUENCE api_key_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE api_key (
    id         BIGINT       NOT NULL PRIMARY KEY,
    account_id BIGINT       NOT NULL,
    name       VARCHAR(100) NOT NULL,
    prefix     VARCHAR(20)  NOT NULL,
    key_hash   VARCHAR(64)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_key_prefix_unique UNIQUE (prefix),
    CONSTRAINT api_key_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
);

-- Bookings, written once into the user's own calendar. A booking outlives its user (user_id set null).
CREATE TABLE booking (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    account_id      BIGINT        NOT NULL,
    user_id         BIGINT,
    user_address    VARCHAR(320)  NOT NULL,
    start_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    end_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    title           VARCHAR(255)  NOT NULL,
    invitee_name    VARCHAR(200),
    invitee_email   VARCHAR(320),
    status          VARCHAR(20)   NOT NULL,
    idempotency_key VARCHAR(200)  NOT NULL,
    request_hash    VARCHAR(64)   NOT NULL,
    item_id         VARCHAR(1000),
    item_change_key VARCHAR(200),
    failure         VARCHAR(1000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT        NOT NULL,
    CONSTRAINT booking_idempotency_unique UNIQUE (account_id, idempotency_key),
    CONSTRAINT booking_account_fk FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT booking_user_fk FOREIGN KEY (user_id) REFERENCES bookable_user (id) ON DELETE SET NULL
);

CREATE INDEX booking_user_start ON booking (user_id, start_at);
CREATE INDEX booking_account_start ON booking (account_id, start_at);
