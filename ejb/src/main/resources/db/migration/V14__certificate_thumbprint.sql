-- A Graph app's certificate is shown by its SHA-1 thumbprint, as Entra ID lists it under "Certificates &
-- secrets", so that an admin can tell which of the app's certificates the connection uses. Not a secret:
-- kept in the clear beside the encrypted PEM, instead of decrypting it for every page view.
ALTER TABLE exchange_connection ADD COLUMN certificate_thumbprint VARCHAR(64);
