package org.corpconnect.apikey;

import org.corpconnect.BusinessException;

public class ApiKeyNotFound extends BusinessException {

    public ApiKeyNotFound() {
        super("No such API key in this account.");
    }
}
