-- Outlook-side changes of a booking's own item (issue 17). V20: V19 is another branch's.

-- Per account, both off by default (as the peers do): whether an item deleted in Outlook cancels its
-- booking, and whether an item moved in Outlook reschedules it (within the booking rules).
ALTER TABLE account ADD COLUMN cancel_on_outlook_delete BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE account ADD COLUMN follow_outlook_moves BOOLEAN DEFAULT FALSE NOT NULL;

-- A booking whose item changed in Outlook without the booking following it: what changed (DELETED, MOVED,
-- MOVE_REFUSED), when it was seen, where the item is now, and why a move was not followed. outlook_dismissed
-- is the change an admin cleared the flag of (gone, or the item's times), so that the same change does not
-- flag the booking again; the item back at the booking's times clears both.
ALTER TABLE booking ADD COLUMN outlook_change VARCHAR(20);
ALTER TABLE booking ADD COLUMN outlook_change_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE booking ADD COLUMN outlook_start_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE booking ADD COLUMN outlook_end_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE booking ADD COLUMN outlook_detail VARCHAR(500);
ALTER TABLE booking ADD COLUMN outlook_dismissed VARCHAR(100);
