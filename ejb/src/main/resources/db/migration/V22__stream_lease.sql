-- Which instance of a cluster holds an account's streaming connections to Exchange (EWS streaming
-- notifications live in one JVM): a lease its holder renews, taken over by another instance once it
-- lapses. The subscriptions themselves are not stored: a new holder subscribes again and reads the
-- users' busy time once, so nothing between the old holder's end and its start is missed.
-- V18 is calendar_watch; other branches may take V19 meanwhile: renumber at the merge.
CREATE TABLE stream_lease (
    account_id BIGINT       NOT NULL PRIMARY KEY,
    held_by    VARCHAR(200) NOT NULL,
    held_until TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT stream_lease_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
