-- A digest of each user's stored busy time: a refresh that reads the same busy time writes nothing but
-- the freshness (most refreshes of a steady calendar).
ALTER TABLE bookable_user ADD COLUMN busy_digest VARCHAR(64);
