-- Who changed what in an account, when, and with what outcome. Never a secret.
CREATE SEQUENCE audit_entry_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE audit_entry (
    id         BIGINT        NOT NULL PRIMARY KEY,
    account_id BIGINT        NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    actor      VARCHAR(200)  NOT NULL,
    action     VARCHAR(100)  NOT NULL,
    outcome    VARCHAR(20)   NOT NULL,
    detail     VARCHAR(1000),
    CONSTRAINT audit_entry_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
);

CREATE INDEX audit_entry_account_at ON audit_entry (account_id, at);
