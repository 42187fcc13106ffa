package org.corpconnect.push;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.connection.AccountExchange;
import org.corpconnect.connection.ConnectionPaused;
import org.corpconnect.exchange.CalendarStream;
import org.corpconnect.exchange.CredentialRejected;
import org.corpconnect.exchange.ExchangeException;
import org.corpconnect.exchange.ExchangeThrottled;
import org.corpconnect.exchange.StreamEvent;

/**
 * One account's streaming watches on this member: a subscription per readable user, grouped into as
 * few connections as Exchange allows (each on a managed thread of its own, reconnecting by itself), and
 * each change handed over as its user's id. A lost subscription is created again and its user read
 * once more; so is every user subscribed anew, since changes before the subscription were not seen.
 */
final class AccountStreams {

    private static final Logger LOG = Logger.getLogger(AccountStreams.class.getName());

    /** One user's subscription. */
    record Watch(long userId, MailboxAddress user) {
    }

    private final long accountId;
    private final ManagedThreadFactory threads;
    private final LongConsumer changed;
    private final Duration connectionLength;
    private final Duration retry;
    /** Subscription id to watch; changed by the connections when they subscribe a lost one again. */
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();
    private final List<Connection> connections = new ArrayList<>();
    private long generation = -1;
    private boolean limitReported;

    AccountStreams(long accountId, ManagedThreadFactory threads, LongConsumer changed, Duration connectionLength,
                   Duration retry) {
        this.accountId = accountId;
        this.threads = threads;
        this.changed = changed;
        this.connectionLength = connectionLength;
        this.retry = retry;
    }

    /**
     * Brings the watches to these users, under this access: subscribes the new ones (each read once),
     * unsubscribes those gone, and regroups the connections if anything changed or one ended.
     */
    synchronized void keep(AccountExchange exchange, Map<Long, MailboxAddress> readable) {
        boolean changedSet = false;
        if (exchange.generation() != generation) {
            stopConnections(); // subscriptions of the replaced credential lapse on Exchange's side
            watches.clear();
            generation = exchange.generation();
            changedSet = true;
        }
        Map<Long, String> byUser = new HashMap<>();
        watches.forEach((id, w) -> byUser.put(w.userId(), id));
        for (Map.Entry<Long, String> entry : byUser.entrySet()) {
            if (!readable.containsKey(entry.getKey())) {
                Watch gone = watches.remove(entry.getValue());
                changedSet = true;
                try {
                    exchange.unsubscribeStream(gone.user(), entry.getValue());
                } catch (ExchangeException | ConnectionPaused e) {
                    LOG.fine(() -> "Could not unsubscribe " + gone.user() + " (it lapses by itself): " + e.getMessage());
                }
            }
        }
        for (Map.Entry<Long, MailboxAddress> user : readable.entrySet()) {
            if (!byUser.containsKey(user.getKey())) {
                try {
                    watches.put(exchange.subscribeStream(user.getValue()), new Watch(user.getKey(), user.getValue()));
                    changed.accept(user.getKey());
                    changedSet = true;
                } catch (ConnectionPaused | CredentialRejected refused) {
                    LOG.info(() -> "Streaming watches of account " + accountId + " wait for a working credential: "
                            + refused.getMessage());
                    break;
                } catch (ExchangeThrottled limit) {
                    // The mailbox's subscription limit (e.g. delegation: every subscription is the dedicated
                    // mailbox's, 20 in Exchange Online): the other users stay on the timer refresh; one try a pass.
                    if (!limitReported) {
                        limitReported = true;
                        LOG.info(() -> "Account " + accountId + ": " + watches.size() + " users' calendars are streamed, the"
                                + " others stay on the timer refresh: " + limit.getMessage());
                    }
                    break;
                } catch (ExchangeException e) {
                    LOG.info(() -> "Could not watch " + user.getValue() + "'s calendar (account " + accountId
                            + "), tried again at the next pass; the timer refresh keeps it meanwhile: " + e.getMessage());
                }
            }
        }
        if (changedSet || connections.stream().anyMatch(Connection::ended)) {
            stopConnections();
            startConnections(exchange);
        }
    }

    /** Ends every connection and waits (briefly) for their threads. */
    synchronized void stop() {
        stopConnections();
    }

    synchronized int watched() {
        return watches.size();
    }

    private void startConnections(AccountExchange exchange) {
        List<String> ids = new ArrayList<>(watches.keySet());
        int per = Math.max(1, exchange.watchesPerStream());
        for (int from = 0; from < ids.size(); from += per) {
            Connection c = new Connection(exchange, ids.subList(from, Math.min(ids.size(), from + per)));
            connections.add(c);
            threads.newThread(c).start();
        }
    }

    private void stopConnections() {
        connections.forEach(Connection::stop);
        connections.forEach(Connection::awaitEnd);
        connections.clear();
    }

    /** One streaming connection and the loop that keeps it open. */
    private final class Connection implements Runnable {
        private final AccountExchange exchange;
        private final Set<String> ids = ConcurrentHashMap.newKeySet();
        private final CountDownLatch stopped = new CountDownLatch(1);
        private final CountDownLatch ended = new CountDownLatch(1);
        private volatile CalendarStream open;

        Connection(AccountExchange exchange, List<String> ids) {
            this.exchange = exchange;
            this.ids.addAll(ids);
        }

        @Override
        public void run() {
            try {
                while (stopped.getCount() > 0 && !ids.isEmpty()) {
                    try {
                        read();
                    } catch (ConnectionPaused | CredentialRejected refused) {
                        LOG.info(() -> "A streaming connection of account " + accountId + " stops: " + refused.getMessage());
                        return; // the next pass starts it again once the credential works
                    } catch (ExchangeException e) {
                        if (stopped.getCount() > 0) {
                            LOG.info(() -> "A streaming connection of account " + accountId + " dropped, reconnecting: "
                                    + e.getMessage());
                            stopped.await(retry.toMillis(), TimeUnit.MILLISECONDS);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A streaming connection of account " + accountId + " failed", e);
            } finally {
                ended.countDown();
            }
        }

        private void read() {
            Map<String, MailboxAddress> carried = new LinkedHashMap<>();
            ids.forEach(id -> {
                Watch w = watches.get(id);
                if (w != null) {
                    carried.put(id, w.user());
                }
            });
            try (CalendarStream stream = exchange.openStream(carried, connectionLength)) {
                open = stream;
                if (stopped.getCount() == 0) {
                    return;
                }
                while (true) {
                    StreamEvent event = stream.next();
                    if (event instanceof StreamEvent.Changed c) {
                        c.watchIds().stream().map(watches::get).filter(w -> w != null).forEach(w -> changed.accept(w.userId()));
                    } else if (event instanceof StreamEvent.Lost lost) {
                        lost.watchIds().forEach(this::subscribeAgain);
                        return; // reconnect with the new subscriptions
                    } else {
                        return; // Exchange ended the connection on time: open the next one
                    }
                }
            } finally {
                open = null;
            }
        }

        /**
         * A subscription Exchange no longer has: a new one for its user, who is read once more (changes may
         * have been missed). The new watch is in place before the lost one goes, so that a keeper pass
         * meanwhile never finds the user unwatched and subscribes it a second time.
         */
        private void subscribeAgain(String lostId) {
            ids.remove(lostId);
            Watch w = watches.get(lostId);
            if (w == null) {
                return; // replaced already, or its user is gone
            }
            try {
                String id = exchange.subscribeStream(w.user());
                watches.put(id, w);
                ids.add(id);
                LOG.info(() -> "Exchange no longer had the streaming subscription of " + w.user() + " (account "
                        + accountId + "): subscribed again.");
            } catch (ExchangeException | ConnectionPaused e) {
                LOG.info(() -> "Could not subscribe " + w.user() + " again (the next pass tries): " + e.getMessage());
            }
            watches.remove(lostId);
            changed.accept(w.userId());
        }

        void stop() {
            stopped.countDown();
            CalendarStream stream = open;
            if (stream != null) {
                stream.close();
            }
        }

        boolean ended() {
            return ended.getCount() == 0;
        }

        void awaitEnd() {
            try {
                ended.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
