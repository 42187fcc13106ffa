-- A connection's credential is a password (on-premises) or an OAuth app (Exchange Online, app-only).
ALTER TABLE exchange_connection ADD COLUMN auth_method VARCHAR(10) DEFAULT 'PASSWORD' NOT NULL;
ALTER TABLE exchange_connection ADD COLUMN oauth_tenant VARCHAR(200);
ALTER TABLE exchange_connection ADD COLUMN oauth_client_id VARCHAR(200);
ALTER TABLE exchange_connection ADD COLUMN oauth_token_url VARCHAR(2000);
ALTER TABLE exchange_connection ALTER COLUMN username DROP NOT NULL;
ALTER TABLE exchange_connection ALTER COLUMN password_scheme DROP NOT NULL;
