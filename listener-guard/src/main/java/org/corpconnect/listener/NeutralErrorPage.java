package org.corpconnect.listener;

import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.util.HttpStatus;

/**
 * The page of an error the server answers itself (an unknown path outside every application, a method a
 * static file does not allow, a failure in the container): the status and its standard reason only. Payara's
 * own page names the product and its version, read from the installation's branding, which no setting
 * of a domain changes.
 */
public class NeutralErrorPage implements ErrorPageGenerator {

    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        String title = status + " " + HttpStatus.getHttpStatus(status).getReasonPhrase();
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><h1>"
                + title + "</h1></body></html>";
    }
}
