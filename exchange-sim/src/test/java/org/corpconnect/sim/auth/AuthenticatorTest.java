package org.corpconnect.sim.auth;

import static org.corpconnect.sim.TestSupport.basic;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.LocalTime;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.directory.WorkingHours;
import org.corpconnect.sim.requestlog.RequestLogEntry.AuthOutcome;
import org.junit.jupiter.api.Test;

/** Basic authentication and lockout on a clock the test moves. */
class AuthenticatorTest {
    private Instant now = Instant.parse("2026-01-05T09:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private Authenticator authenticator() {
        Directory d = new Directory();
        d.add(new Mailbox(MailboxAddress.of("ann@contoso.test"), "Ann", "right", ZoneId.of("UTC"),
                WorkingHours.weekdays(LocalTime.of(8, 0), LocalTime.of(17, 0))));
        return new Authenticator(d, new TokenService(d, clock), clock, 3, Duration.ofMinutes(15));
    }

    @Test
    void lockoutEndsAfterItsDuration() {
        Authenticator a = authenticator();
        for (int i = 0; i < 3; i++) {
            assertEquals(AuthOutcome.WRONG_PASSWORD, a.authenticate(basic("ann@contoso.test", "wrong")).outcome());
        }
        assertEquals(AuthOutcome.LOCKED_OUT, a.authenticate(basic("ann@contoso.test", "right")).outcome());
        now = now.plus(Duration.ofMinutes(14));
        assertEquals(AuthOutcome.LOCKED_OUT, a.authenticate(basic("ann@contoso.test", "right")).outcome());
        now = now.plus(Duration.ofMinutes(2));
        assertEquals(AuthOutcome.SUCCESS, a.authenticate(basic("ann@contoso.test", "right")).outcome());
    }

    @Test
    void userNamesAsExchangeAcceptsThem() {
        Authenticator a = authenticator();
        assertTrue(a.authenticate(basic("ANN@contoso.test", "right")).succeeded());
        assertTrue(a.authenticate(basic("CONTOSO\\ann", "right")).succeeded());
        assertTrue(a.authenticate(basic("ann", "right")).succeeded());
        assertEquals(AuthOutcome.UNKNOWN_ACCOUNT, a.authenticate(basic("bob", "right")).outcome());
        assertEquals(AuthOutcome.NO_CREDENTIALS, a.authenticate("Negotiate abc").outcome());
        assertEquals(AuthOutcome.INVALID_TOKEN, a.authenticate("Bearer nope").outcome());
    }
}
