package org.corpconnect.sim.soap;

/** The namespaces of SOAP 1.1 and EWS; every writer and reader in the simulator names them from here. */
public final class Ews {
    public static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String TYPES = "http://schemas.microsoft.com/exchange/services/2006/types";
    public static final String MESSAGES = "http://schemas.microsoft.com/exchange/services/2006/messages";
    public static final String ERRORS = "http://schemas.microsoft.com/exchange/services/2006/errors";

    private Ews() {
    }
}
