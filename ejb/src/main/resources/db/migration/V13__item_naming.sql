-- Item ids differ between EWS and Graph: a booking remembers which connection (credential generation)
-- named its item, and the connection since which generation items are named as now (the last move
-- between protocols). Rows of before: named at generation 0, valid while no move happened.
ALTER TABLE exchange_connection ADD COLUMN item_naming_since BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE booking ADD COLUMN item_generation BIGINT DEFAULT 0 NOT NULL;
