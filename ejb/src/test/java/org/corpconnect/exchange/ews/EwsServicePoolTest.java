package org.corpconnect.exchange.ews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import microsoft.exchange.webservices.data.core.ExchangeService;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.ExchangeAccess;
import org.corpconnect.exchange.ExchangeCredential;
import org.junit.jupiter.api.Test;

class EwsServicePoolTest {

    private final MovableClock clock = new MovableClock();
    private final EwsServicePool<ExchangeService> pool = new EwsServicePool<>(clock);
    private final List<ExchangeService> made = new ArrayList<>();
    private final List<ExchangeService> closed = new ArrayList<>();

    @Test
    void aServiceGivenBackServesTheNextCallOfTheSameAccessOnly() {
        ExchangeAccess access = access("secret-1", 1);
        ExchangeService first = pool.take(access, this::make);
        pool.giveBack(access, first);

        assertSame(first, pool.take(access, this::make), "the same access takes it again");
        pool.giveBack(access, first);
        assertNotSame(first, pool.take(access("secret-1", 2), this::make), "never a newer credential generation's");
        assertNotSame(first, pool.take(access("secret-2", 1), this::make), "never another credential's");
        assertEquals(3, made.size());
    }

    @Test
    void callsAtOnceEachHoldAServiceOfTheirOwn() {
        ExchangeAccess access = access("secret-1", 1);
        ExchangeService one = pool.take(access, this::make);
        ExchangeService two = pool.take(access, this::make);

        assertNotSame(one, two);
        pool.giveBack(access, one);
        pool.giveBack(access, two);
        assertEquals(2, pool.idleCount());
    }

    @Test
    void beyondTheFewKeptPerAccessAServiceGivenBackIsClosed() {
        ExchangeAccess access = access("secret-1", 1);
        List<ExchangeService> held = new ArrayList<>();
        for (int i = 0; i < EwsServicePool.KEPT_PER_ACCESS + 2; i++) {
            held.add(pool.take(access, this::make));
        }
        held.forEach(service -> pool.giveBack(access, service));

        assertEquals(EwsServicePool.KEPT_PER_ACCESS, pool.idleCount());
        assertEquals(2, closed.size());
    }

    @Test
    void aServiceIdleForAMinuteIsClosedByTheNextCall() {
        ExchangeAccess old = access("secret-1", 1);
        ExchangeService idle = pool.take(old, this::make);
        pool.giveBack(old, idle);

        clock.advance(EwsServicePool.IDLE.plusSeconds(11));
        pool.take(access("secret-1", 2), this::make);

        assertEquals(List.of(idle), closed);
        assertEquals(0, pool.idleCount());
    }

    @Test
    void closeAllClosesEveryIdleService() {
        ExchangeAccess access = access("secret-1", 1);
        ExchangeService one = pool.take(access, this::make);
        ExchangeService two = pool.take(access, this::make);
        pool.giveBack(access, one);
        pool.giveBack(access, two);

        pool.closeAll();

        assertEquals(2, closed.size());
        assertEquals(0, pool.idleCount());
    }

    private ExchangeService make() {
        ExchangeService service = new ExchangeService() {
            @Override
            public void close() {
                closed.add(this);
                super.close();
            }
        };
        made.add(service);
        return service;
    }

    private static ExchangeAccess access(String password, long generation) {
        return new ExchangeAccess(URI.create("https://exchange.example/EWS/Exchange.asmx"), new MailboxAddress("bookings@example.com"),
                AccessMode.IMPERSONATION, new ExchangeCredential.Password("bookings@example.com", Secret.of(password),
                        ExchangeCredential.PasswordScheme.BASIC), generation);
    }
}
