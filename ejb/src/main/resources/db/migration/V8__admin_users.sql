-- People who sign in to the admin pages: operators (every account) and admins (one account each).
CREATE SEQUENCE admin_user_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE admin_user (
    id            BIGINT        NOT NULL PRIMARY KEY,
    username      VARCHAR(100)  NOT NULL,
    -- The server's PBKDF2 hash (Jakarta Security Pbkdf2PasswordHash), never the password.
    password_hash VARCHAR(500)  NOT NULL,
    role          VARCHAR(20)   NOT NULL,
    account_id    BIGINT,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT admin_user_username_unique UNIQUE (username),
    CONSTRAINT admin_user_account_fk FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT admin_user_role_check CHECK ((role = 'operator' AND account_id IS NULL) OR (role = 'admin' AND account_id IS NOT NULL))
);
