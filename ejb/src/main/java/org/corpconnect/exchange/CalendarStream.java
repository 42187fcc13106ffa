package org.corpconnect.exchange;

/**
 * A connection held open to Exchange that reports changes of watched calendars as they happen (EWS
 * streaming notifications). One thread reads it with {@link #next}; any thread may {@link #close} it,
 * which ends a {@link #next} that waits.
 */
public interface CalendarStream extends AutoCloseable {

    /**
     * Waits for the next thing Exchange reports. An {@link ExchangeException} when the connection
     * failed or Exchange sent what may not be read (the stream is then over: open another).
     */
    StreamEvent next();

    @Override
    void close();
}
