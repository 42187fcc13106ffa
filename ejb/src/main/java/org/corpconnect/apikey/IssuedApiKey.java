package org.corpconnect.apikey;

/** A new key and, this one time only, the token itself. */
public record IssuedApiKey(ApiKey key, String token) {

    @Override
    public String toString() {
        return "IssuedApiKey[" + key + "]";
    }
}
