-- The billing ledger: a copy of the utility billing system's (CIS) nightly export, for utilities whose CIS has no API
-- (and for the demo). Hotline never bills: these rows are replaced, account by account, by each import of an export
-- and never edited otherwise. Keyed by the account number (户号), not by a customer: the CIS knows accounts Hotline
-- may not have imported yet. Amounts in yuan, consumption and meter values in m³.
CREATE TABLE billing_accounts (
    account_number  TEXT          PRIMARY KEY,
    balance         NUMERIC(12,2) NOT NULL,            -- owed when positive, in credit when negative
    next_reading_on DATE,
    imported_at     TIMESTAMPTZ   NOT NULL             -- the ledger's answers for the account are as of this import
);

CREATE TABLE billing_bills (
    account_number TEXT          NOT NULL,
    period         DATE          NOT NULL CHECK (extract(day FROM period) = 1),  -- the billed month
    issued_on      DATE          NOT NULL,
    due_on         DATE          NOT NULL,
    consumption    NUMERIC(12,2) NOT NULL CHECK (consumption >= 0),
    amount         NUMERIC(12,2) NOT NULL,
    PRIMARY KEY (account_number, period)
);

CREATE TABLE billing_payments (
    account_number TEXT          NOT NULL,
    paid_on        DATE          NOT NULL,
    amount         NUMERIC(12,2) NOT NULL CHECK (amount > 0),
    method         TEXT          NOT NULL DEFAULT ''
);
CREATE INDEX billing_payments_account ON billing_payments (account_number, paid_on DESC);

CREATE TABLE billing_readings (
    account_number TEXT          NOT NULL,
    read_on        DATE          NOT NULL,
    value          NUMERIC(12,2) NOT NULL CHECK (value >= 0),
    estimated      BOOLEAN       NOT NULL,
    PRIMARY KEY (account_number, read_on)
);
