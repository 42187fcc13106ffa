package org.corpconnect.connection;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.logging.Logger;
import org.corpconnect.audit.AuditEntry.Outcome;
import org.corpconnect.audit.AuditLog;
import org.corpconnect.persistence.DailyTasks;

/**
 * Once a day, for every connection whose Graph secret or certificate ends within
 * {@code graph.secret-warning-days} (or has ended), one audit entry in its account and one warning in
 * the server log, so that nobody learns of it from a dead connection. A calendar timer on each instance
 * of a cluster (non-persistent: Payara binds a persistent one to the instance that made it), the day
 * claimed in the database ({@link DailyTasks}) by the first to fire, so the day's warnings are written
 * once, by whichever instances are alive.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "MasterKeyRotation"})
public class SecretExpiryWatch {

    private static final Logger LOG = Logger.getLogger(SecretExpiryWatch.class.getName());
    static final String ACTION = "connection.secret-expiring";
    private static final String TIMER = "secret-expiry-watch daily 06:00 UTC";
    private static final String TASK = "secret-expiry-warnings";

    @Resource
    private TimerService timers;

    @Inject
    private Connections connections;

    @Inject
    private SecretExpiryWarnings warnings;

    @Inject
    private AuditLog audit;

    @Inject
    private DailyTasks days;

    /** This instance's timer; a persistent one is the timer of an earlier version, which this one replaces. */
    @PostConstruct
    void schedule() {
        timers.getTimers().stream().filter(Timer::isPersistent).forEach(Timer::cancel);
        timers.createCalendarTimer(new ScheduleExpression().timezone("UTC").hour(6).minute(0), new TimerConfig(TIMER, false));
    }

    @Timeout
    void daily() {
        if (days.claim(TASK, LocalDate.now(ZoneOffset.UTC))) {
            warnNow();
        }
    }

    /** Writes today's line for each connection that warrants one; answers how many did. */
    public int warnNow() {
        int warned = 0;
        for (ExchangeConnection connection : connections.all()) {
            var due = warnings.of(connection);
            if (due.isPresent()) {
                long accountId = connection.account().id();
                String message = due.get().message();
                audit.record(accountId, "system", ACTION, Outcome.WARNING, message);
                LOG.warning(() -> "Account " + connection.account().slug().value() + " (" + accountId + "): " + message);
                warned++;
            }
        }
        return warned;
    }
}
