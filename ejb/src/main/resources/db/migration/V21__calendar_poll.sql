-- The users whose calendars Exchange cannot push (Graph's delegated mode, EWS, no notifications.public-url)
-- and when each was last polled. A poll is claimed by one conditional UPDATE of polled_at on the value read,
-- so that of the cluster members whose timers find a user due, exactly one reads it.
-- (V19 and V20 are taken by other branches.)
CREATE TABLE calendar_poll (
    user_id    BIGINT NOT NULL PRIMARY KEY,
    account_id BIGINT NOT NULL,
    polled_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT calendar_poll_user_fk FOREIGN KEY (user_id) REFERENCES bookable_user (id) ON DELETE CASCADE,
    CONSTRAINT calendar_poll_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);

CREATE INDEX calendar_poll_account ON calendar_poll (account_id);
