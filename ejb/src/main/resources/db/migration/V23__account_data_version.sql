-- A counter per account, raised in the same transaction as any change that an availability answer is
-- made of (the account's users, their busy time and access, its bookings, its connection's status), so
-- that an answer kept in memory is known to be current by reading one row. A table of its own: the
-- account's row is locked by connection saves, and a booking must not wait for those.
CREATE TABLE account_data_version (
    account_id BIGINT NOT NULL PRIMARY KEY,
    version    BIGINT NOT NULL,
    CONSTRAINT account_data_version_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
INSERT INTO account_data_version (account_id, version) SELECT id, 0 FROM account;
