package org.corpconnect.sim.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.requestlog.RequestLogEntry.AuthOutcome;

/**
 * Checks the Authorization header as Exchange does: HTTP Basic for mailbox accounts (user name is
 * the SMTP address or UPN, optionally DOMAIN\\user), NTLM for them where Windows authentication is
 * on (NtlmAuthentication: on-premises IIS offers Negotiate and NTLM), bearer tokens from our token
 * endpoint for applications. Basic can be turned off, as an on-premises administrator does. Wrong
 * passwords (Basic or NTLM) count towards an on-premises style account lockout: after
 * {@code threshold} consecutive failures the account is locked for {@code lockoutDuration}, and
 * while locked even the right password is refused.
 */
public final class Authenticator {
    private final Directory directory;
    private final TokenService tokens;
    private final Clock clock;
    private volatile int threshold;
    private volatile Duration lockoutDuration;
    private final Map<MailboxAddress, FailureCount> failures = new ConcurrentHashMap<>();
    private final NtlmAuthentication ntlm;
    private volatile boolean basicEnabled = true;
    private volatile boolean ntlmEnabled;

    public Authenticator(Directory directory, TokenService tokens, Clock clock, int threshold, Duration lockoutDuration) {
        this.directory = directory;
        this.tokens = tokens;
        this.clock = clock;
        this.threshold = threshold;
        this.lockoutDuration = lockoutDuration;
        this.ntlm = new NtlmAuthentication(clock);
    }

    /** An outcome; {@code challenge} is the WWW-Authenticate value of an NTLM handshake's 401, if any. */
    public record Result(AuthOutcome outcome, Principal principal, String claimedName, String challenge) {
        public Result(AuthOutcome outcome, Principal principal, String claimedName) {
            this(outcome, principal, claimedName, null);
        }

        public boolean succeeded() {
            return outcome == AuthOutcome.SUCCESS;
        }

        static Result noCredentials() {
            return new Result(AuthOutcome.NO_CREDENTIALS, null, null);
        }

        static Result challenge(String wwwAuthenticate) {
            return new Result(AuthOutcome.NTLM_CHALLENGE, null, null, wwwAuthenticate);
        }
    }

    /**
     * The EWS endpoint's check: also NTLM, whose handshake and result belong to the connection
     * (identified by {@code connection}), so a request without credentials on an authenticated
     * connection is that account's.
     */
    public Result authenticate(String authorization, String connection) {
        if (authorization == null || authorization.isBlank()) {
            return ntlmEnabled ? ntlm.established(connection).orElse(Result.noCredentials()) : Result.noCredentials();
        }
        Optional<byte[]> token = NtlmAuthentication.token(authorization);
        if (token.isPresent()) {
            if (!ntlmEnabled) {
                return new Result(AuthOutcome.SCHEME_DISABLED, null, null);
            }
            return ntlm.step(connection, NtlmAuthentication.scheme(authorization), token.get(), netbiosDomain(),
                    directory.domain(), this::checkNtlm);
        }
        return authenticate(authorization);
    }

    /** The WWW-Authenticate challenges of a 401, as IIS lists its enabled providers. */
    public List<String> offeredSchemes(String host) {
        List<String> schemes = new ArrayList<>();
        if (ntlmEnabled) {
            schemes.add("Negotiate");
            schemes.add("NTLM");
        }
        if (basicEnabled) {
            schemes.add("Basic realm=\"" + (host == null ? "exchange" : host) + "\"");
        }
        schemes.add("Bearer");
        return schemes;
    }

    /** Turns Basic and Windows (NTLM/Negotiate) authentication on or off, as an administrator does in IIS. */
    public void configureSchemes(boolean basic, boolean windows) {
        this.basicEnabled = basic;
        this.ntlmEnabled = windows;
        if (!windows) {
            ntlm.reset();
        }
    }

    public boolean basicEnabled() {
        return basicEnabled;
    }

    public boolean ntlmEnabled() {
        return ntlmEnabled;
    }

    /** The NetBIOS name of the directory's domain: its first label, upper case, at most 15 characters. */
    public String netbiosDomain() {
        String first = directory.domain().split("\\.")[0].toUpperCase(Locale.ROOT);
        return first.length() > 15 ? first.substring(0, 15) : first;
    }

    public Result authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return new Result(AuthOutcome.NO_CREDENTIALS, null, null);
        }
        String header = authorization.trim();
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return tokens.verify(header.substring(7).trim())
                    .map(app -> new Result(AuthOutcome.SUCCESS, Principal.ofApplication(app), "app:" + app.clientId()))
                    .orElse(new Result(AuthOutcome.INVALID_TOKEN, null, null));
        }
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new Result(AuthOutcome.NO_CREDENTIALS, null, null);
        }
        if (!basicEnabled) {
            return new Result(AuthOutcome.SCHEME_DISABLED, null, null); // IIS with Basic off never looks at it
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Result(AuthOutcome.NO_CREDENTIALS, null, null);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return new Result(AuthOutcome.NO_CREDENTIALS, null, null);
        }
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        return checkCredential(user, candidate -> java.security.MessageDigest.isEqual(
                candidate.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8)));
    }

    /** NTLM names the domain apart: it must be the directory's (NetBIOS or DNS name) or empty (a UPN). */
    private Result checkNtlm(String user, String domain, java.util.function.Predicate<String> proof) {
        if (!domain.isEmpty() && !domain.equalsIgnoreCase(netbiosDomain()) && !domain.equalsIgnoreCase(directory.domain())) {
            return new Result(AuthOutcome.UNKNOWN_ACCOUNT, null, domain + "\\" + user);
        }
        return checkCredential(user, proof);
    }

    private Result checkCredential(String user, java.util.function.Predicate<String> proof) {
        Optional<Mailbox> account = resolve(user);
        if (account.isEmpty()) {
            return new Result(AuthOutcome.UNKNOWN_ACCOUNT, null, user);
        }
        Mailbox mailbox = account.get();
        MailboxAddress address = mailbox.address();
        Instant now = clock.instant();
        FailureCount count = failures.get(address);
        if (count != null && count.lockedUntil != null) {
            if (now.isBefore(count.lockedUntil)) {
                return new Result(AuthOutcome.LOCKED_OUT, null, address.value());
            }
            failures.remove(address); // the lockout expired: the account starts afresh
        }
        if (mailbox.passwordSatisfies(proof)) {
            failures.remove(address);
            return new Result(AuthOutcome.SUCCESS, Principal.ofMailbox(address), address.value());
        }
        failures.compute(address, (a, c) -> {
            int n = (c == null ? 0 : c.consecutive) + 1;
            return new FailureCount(n, n >= threshold ? now.plus(lockoutDuration) : null);
        });
        // The attempt that reaches the threshold is still a wrong password; the next ones are LOCKED_OUT.
        return new Result(AuthOutcome.WRONG_PASSWORD, null, address.value());
    }

    private Optional<Mailbox> resolve(String user) {
        String name = user;
        int backslash = name.indexOf('\\');
        if (backslash >= 0) {
            name = name.substring(backslash + 1); // DOMAIN\alias
        }
        if (!name.contains("@")) {
            name = name + "@" + directory.domain();
        }
        return directory.find(name);
    }

    public boolean isLockedOut(MailboxAddress address) {
        FailureCount c = failures.get(address);
        return c != null && c.lockedUntil != null && clock.instant().isBefore(c.lockedUntil);
    }

    /** An administrator unlocking the account (also done when the password is reset). */
    public void unlock(MailboxAddress address) {
        failures.remove(address);
    }

    public void configureLockout(int threshold, Duration duration) {
        this.threshold = threshold;
        this.lockoutDuration = duration;
    }

    public int threshold() {
        return threshold;
    }

    public Duration lockoutDuration() {
        return lockoutDuration;
    }

    private record FailureCount(int consecutive, Instant lockedUntil) {
    }
}
