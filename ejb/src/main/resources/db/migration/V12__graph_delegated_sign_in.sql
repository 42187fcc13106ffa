-- A connection may speak Microsoft Graph delegated, as the dedicated mailbox (the individual mode): besides
-- the app's secret or certificate, the mailbox's sign-in is stored as MSAL's token cache (its refresh token
-- included), encrypted like every secret. It changes at every refresh; longer names of the auth method.
ALTER TABLE exchange_connection ALTER COLUMN auth_method SET DATA TYPE VARCHAR(30);
ALTER TABLE exchange_connection ADD COLUMN token_cache_ciphertext VARCHAR(100000);
