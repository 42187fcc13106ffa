package org.corpconnect.exchange.ews;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.BusyType;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.ExchangeAccess;
import org.corpconnect.exchange.ExchangeCredential;
import org.corpconnect.exchange.outbound.OutboundPolicy;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.calendar.Occurrence;
import org.corpconnect.sim.dataset.Dataset;

/** The gateway's tests against the real simulator, in process, with the demo organisation contoso.test. */
final class Simulated {
    static final String SERVICE = "booking-service@contoso.test";
    static final String SERVICE_PASSWORD = "Demo-Service-Pa55!";
    static final MailboxAddress ANNA = new MailboxAddress("anna.schmidt@contoso.test");     // impersonable, Berlin
    static final MailboxAddress LUKAS = new MailboxAddress("lukas.weber@contoso.test");     // impersonable, release night
    static final MailboxAddress LAURA = new MailboxAddress("laura.krueger@contoso.test");   // impersonable, London
    static final MailboxAddress JAMES = new MailboxAddress("james.miller@contoso.test");    // impersonable, New York
    static final MailboxAddress YUKI = new MailboxAddress("yuki.tanaka@contoso.test");      // impersonable, Tokyo
    static final MailboxAddress MICHAEL = new MailboxAddress("michael.brown@contoso.test"); // delegate Editor
    static final MailboxAddress SARAH = new MailboxAddress("sarah.davis@contoso.test");     // delegate Reviewer
    static final MailboxAddress HARUTO = new MailboxAddress("haruto.sato@contoso.test");    // Delegate role
    static final MailboxAddress DAVID = new MailboxAddress("david.braun@contoso.test");     // nothing; Default free/busy
    static final MailboxAddress OLIVER = new MailboxAddress("oliver.smith@contoso.test");   // nothing; Default None
    static final MailboxAddress GHOST = new MailboxAddress("ghost@contoso.test");           // no such mailbox

    private Simulated() {
    }

    /** After a class: fails it if any response the simulator sent was not valid against the schema, then stops it. */
    static void stopChecked(ExchangeSimulator sim) {
        try {
            sim.assertAllResponsesValid();
        } finally {
            sim.close();
        }
    }

    /** Before each test: no fault rule and an empty request log left by the previous test. */
    static void reset(ExchangeSimulator sim) {
        sim.faults().clear();
        sim.requestLog().clear();
    }

    static ExchangeSimulator start() {
        return ExchangeSimulator.builder().port(0)
                .schemaDir(Path.of(System.getProperty("shared.dir")).resolve("ews-schema/exchange-online-2023"))
                .dataset(Dataset.demo()).validateResponses(true).start();
    }

    /** The simulator and the tests' own listeners are on this machine: plain HTTP to loopback allowed. */
    static final OutboundPolicy LOOPBACK_ALLOWED = OutboundPolicy.of("public, localhost, 127.0.0.0/8, [::1]",
            "localhost, 127.0.0.0/8, [::1]");

    static EwsGateway gateway() {
        return gateway(LOOPBACK_ALLOWED);
    }

    static EwsGateway gateway(OutboundPolicy policy) {
        EwsGateway gateway = new EwsGateway();
        gateway.requestTimeoutMillis = 10_000;
        gateway.outbound = policy;
        return gateway;
    }

    static ExchangeAccess access(ExchangeSimulator sim, AccessMode mode) {
        return access(sim, mode, SERVICE_PASSWORD);
    }

    static ExchangeAccess access(ExchangeSimulator sim, AccessMode mode, String password) {
        return new ExchangeAccess(sim.ewsUrl(), new MailboxAddress(SERVICE), mode,
                new ExchangeCredential.Password(SERVICE, Secret.of(password), ExchangeCredential.PasswordScheme.BASIC), 1);
    }

    /** The busy intervals the simulator's own calendar holds for a user in a window: what the gateway must report. */
    static List<BusyInterval> calendarOf(ExchangeSimulator sim, MailboxAddress user, TimeWindow window) {
        return sim.directory().get(user.value()).calendar().occurrences(window.start(), window.end()).stream()
                .map(o -> expected(o, window))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(BusyInterval::start).thenComparing(BusyInterval::end)
                        .thenComparing(BusyInterval::type))
                .toList();
    }

    private static Optional<BusyInterval> expected(Occurrence o, TimeWindow window) {
        BusyType type = switch (o.freeBusy()) {
            // Exchange shows WorkingElsewhere (2013+) as Free to an Exchange2010_SP2 client such as ews-java-api.
            case Free, WorkingElsewhere -> null;
            case Tentative -> BusyType.TENTATIVE;
            case Busy -> BusyType.BUSY;
            case OOF -> BusyType.OOF;
            case NoData -> BusyType.NO_DATA;
        };
        Instant start = o.start().isBefore(window.start()) ? window.start() : o.start();
        Instant end = o.end().isAfter(window.end()) ? window.end() : o.end();
        return type == null || !start.isBefore(end) ? Optional.empty() : Optional.of(new BusyInterval(start, end, type));
    }
}
