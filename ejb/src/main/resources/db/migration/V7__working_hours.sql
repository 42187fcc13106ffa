-- Each user's working hours as Exchange reports them with their free/busy (days like MONDAY,TUESDAY;
-- times as HH:MM in the user's own zone); empty until the first refresh, then the configured default applies.
ALTER TABLE bookable_user ADD COLUMN work_days VARCHAR(80);
ALTER TABLE bookable_user ADD COLUMN work_start VARCHAR(5);
ALTER TABLE bookable_user ADD COLUMN work_end VARCHAR(5);
