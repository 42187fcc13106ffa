-- A connection may speak Microsoft Graph app-only: a client secret or a certificate (its private key and
-- certificate as PEM, encrypted like every secret, hence the longer ciphertext), with the date it expires.
-- ews_url then holds Graph's base URL and oauth_token_url the Entra ID authority, both the operator's.
ALTER TABLE exchange_connection ALTER COLUMN auth_method SET DATA TYPE VARCHAR(20);
ALTER TABLE exchange_connection ALTER COLUMN secret_ciphertext SET DATA TYPE VARCHAR(20000);
ALTER TABLE exchange_connection ADD COLUMN secret_expires DATE;
