-- One connection per account: the dedicated mailbox and its one stored credential.
CREATE SEQUENCE exchange_connection_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE exchange_connection (
    id                    BIGINT        NOT NULL PRIMARY KEY,
    account_id            BIGINT        NOT NULL,
    ews_url               VARCHAR(2000) NOT NULL,
    service_mailbox       VARCHAR(320)  NOT NULL,
    access_mode           VARCHAR(20)   NOT NULL,
    password_scheme       VARCHAR(10)   NOT NULL,
    username              VARCHAR(320)  NOT NULL,
    -- jasypt ciphertext (PBE HMAC-SHA512 AES-256, random salt and IV); the master key is never stored.
    secret_ciphertext     VARCHAR(2000) NOT NULL,
    credential_generation BIGINT        NOT NULL,
    status                VARCHAR(30)   NOT NULL,
    status_detail         VARCHAR(1000),
    last_success_at       TIMESTAMP WITH TIME ZONE,
    last_failure_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT exchange_connection_account_unique UNIQUE (account_id),
    CONSTRAINT exchange_connection_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
);
