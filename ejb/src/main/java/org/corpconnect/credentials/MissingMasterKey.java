package org.corpconnect.credentials;

/** Thrown at start: without the master key no stored secret can be read or written. */
public class MissingMasterKey extends IllegalStateException {

    public MissingMasterKey(String message) {
        super(message);
    }
}
