-- Accounts: the organisations sharing one deployment. Portable SQL (H2 and PostgreSQL).
-- Ids come from sequences: EclipseLink's H2 platform still asks H2 2.x for the removed IDENTITY().
-- EclipseLink takes each value as the last id of a block of 50, so the first value is 50.
CREATE SEQUENCE account_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE account (
    id         BIGINT       NOT NULL PRIMARY KEY,
    slug       VARCHAR(64)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT account_slug_unique UNIQUE (slug)
);
