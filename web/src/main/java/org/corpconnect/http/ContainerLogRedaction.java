package org.corpconnect.http;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps request data out of the server's own log. When Payara cannot parse a request (a folded
 * {@code Host} header that swallowed the next line, a bad %-escape) it logs the failure at SEVERE
 * before any application runs, with the offending header in the exception's text: a folded
 * {@code Authorization} line put an API key into {@code server.log} that way. No listener setting
 * changes that, so while this application is deployed such records are replaced by one that keeps
 * the failure's class and stack trace but not its text.
 */
@WebListener
public class ContainerLogRedaction implements ServletContextListener {

    /** The web container's logger, and the message key of "an error occurred during request processing". */
    static final String CONTAINER_LOGGER = "jakarta.enterprise.web.core";
    static final String REQUEST_PROCESSING_FAILED = "AS-WEB-CORE-00037";

    private static final Logger LOG = Logger.getLogger(ContainerLogRedaction.class.getName());

    private final Filter redaction = ContainerLogRedaction::loggable;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Logger container = Logger.getLogger(CONTAINER_LOGGER);
        if (container.getFilter() == null) {
            container.setFilter(redaction);
        } else {
            LOG.warning(() -> "The logger " + CONTAINER_LOGGER + " already has a filter; request failures there are not redacted.");
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        Logger container = Logger.getLogger(CONTAINER_LOGGER);
        if (container.getFilter() == redaction) {
            container.setFilter(null);
        }
    }

    static boolean loggable(LogRecord record) {
        if (!REQUEST_PROCESSING_FAILED.equals(record.getMessage()) || record.getThrown() == null) {
            return true;
        }
        // Where it failed stays readable; what the request said does not.
        Throwable withoutText = new Throwable(record.getThrown().getClass().getName() + " (its text withheld)");
        withoutText.setStackTrace(record.getThrown().getStackTrace());
        LOG.log(Level.WARNING, "The server failed to process a request before any application saw it; the failure's text"
                + " is withheld because it may repeat request headers.", withoutText);
        return false;
    }
}
