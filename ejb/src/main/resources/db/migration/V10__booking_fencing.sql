-- Bookings as a state machine with fencing: the change of a booking's calendar item in progress, who
-- holds it (a claim token) and since when, so that only its holder settles it and the sweep takes over
-- a claim whose holder is gone; the times before a move; whether a lost answer may have left an item.
ALTER TABLE booking ADD COLUMN operation VARCHAR(10);
ALTER TABLE booking ADD COLUMN operation_id VARCHAR(36);
ALTER TABLE booking ADD COLUMN operation_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE booking ADD COLUMN previous_start_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE booking ADD COLUMN previous_end_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE booking ADD COLUMN item_may_exist BOOLEAN DEFAULT FALSE NOT NULL;

-- A booking PENDING before this version is a write in progress since its last change; it may have
-- written its item. The sweep settles it like any abandoned write.
UPDATE booking SET operation = 'WRITE', operation_id = id, operation_at = updated_at, item_may_exist = TRUE
    WHERE status = 'PENDING';

CREATE INDEX booking_operation_at ON booking (operation_at);
CREATE INDEX booking_status_updated ON booking (status, updated_at);
