-- Bookable users of an account, what the dedicated mailbox may do with their calendars, and their
-- busy time: start, end and busy type only, never an event's subject, body, attendees or location.
CREATE SEQUENCE bookable_user_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE bookable_user (
    id                BIGINT        NOT NULL PRIMARY KEY,
    account_id        BIGINT        NOT NULL,
    address           VARCHAR(320)  NOT NULL,
    display_name      VARCHAR(200)  NOT NULL,
    time_zone         VARCHAR(64)   NOT NULL,
    access_status     VARCHAR(30)   NOT NULL,
    access_detail     VARCHAR(1000),
    access_checked_at TIMESTAMP WITH TIME ZONE,
    refreshed_at      TIMESTAMP WITH TIME ZONE,
    refresh_error     VARCHAR(1000),
    refresh_failed_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT bookable_user_address_unique UNIQUE (account_id, address),
    CONSTRAINT bookable_user_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
);

-- Blocks of 500 ids: a refresh writes thousands of rows at once.
CREATE SEQUENCE busy_interval_seq START WITH 500 INCREMENT BY 500;

CREATE TABLE busy_interval (
    id        BIGINT      NOT NULL PRIMARY KEY,
    user_id   BIGINT      NOT NULL,
    start_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    end_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    busy_type VARCHAR(20) NOT NULL,
    CONSTRAINT busy_interval_user_fk FOREIGN KEY (user_id) REFERENCES bookable_user (id) ON DELETE CASCADE
);

CREATE INDEX busy_interval_user_start ON busy_interval (user_id, start_at);

-- Which busy types block a slot, per account (a comma-separated set of BusyType names).
ALTER TABLE account ADD COLUMN blocking_busy_types VARCHAR(100) DEFAULT 'BUSY,OOF,TENTATIVE' NOT NULL;
