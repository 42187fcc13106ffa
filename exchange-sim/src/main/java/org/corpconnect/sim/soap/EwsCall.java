package org.corpconnect.sim.soap;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import org.corpconnect.sim.auth.Principal;
import org.corpconnect.sim.directory.CalendarAccess;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.requestlog.RequestLogEntry;
import org.w3c.dom.Element;

/**
 * Everything an operation needs about the request being served: the body, the requested version,
 * who is acting (the impersonated user, or the authenticated account), the directory and the log.
 */
public final class EwsCall {
    private final SoapRequest request;
    private final ExchangeVersion version;
    private final Principal principal;
    private final MailboxAddress acting;
    private final boolean impersonating;
    private final Directory directory;
    private final RequestLogEntry.Builder log;
    private final Clock clock;
    private final ZoneId timeZoneContext;

    public EwsCall(SoapRequest request, ExchangeVersion version, Principal principal, MailboxAddress acting,
                   boolean impersonating, Directory directory, RequestLogEntry.Builder log, Clock clock,
                   ZoneId timeZoneContext) {
        this.request = request;
        this.version = version;
        this.principal = principal;
        this.acting = acting;
        this.impersonating = impersonating;
        this.directory = directory;
        this.log = log;
        this.clock = clock;
        this.timeZoneContext = timeZoneContext;
    }

    public Element body() {
        return request.body();
    }

    public ExchangeVersion version() {
        return version;
    }

    public Principal principal() {
        return principal;
    }

    /** The mailbox whose rights apply: the impersonated user, or the account that logged on. */
    public MailboxAddress acting() {
        return acting;
    }

    public boolean impersonating() {
        return impersonating;
    }

    public Directory directory() {
        return directory;
    }

    public RequestLogEntry.Builder log() {
        return log;
    }

    public Clock clock() {
        return clock;
    }

    /** The TimeZoneContext header's zone (Exchange 2010 and later), if the request sent one we know. */
    public Optional<ZoneId> timeZoneContext() {
        return Optional.ofNullable(timeZoneContext);
    }

    public Mailbox actingMailbox() {
        return directory.find(acting).orElseThrow(() -> ResponseError.nonExistentMailbox(acting.value()));
    }

    /** The mailbox an operation addresses, or ErrorNonExistentMailbox in that item's response message. */
    public Mailbox targetMailbox(String smtp) {
        log.targetMailbox(MailboxAddress.of(smtp).value());
        return directory.find(smtp).orElseThrow(() -> ResponseError.nonExistentMailbox(smtp));
    }

    public CalendarAccess accessTo(Mailbox target) {
        return target.accessFor(acting);
    }
}
