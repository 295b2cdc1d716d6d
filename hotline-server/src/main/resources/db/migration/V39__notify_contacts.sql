-- How a customer wants to be told: an e-mail address (SMS goes to their first mobile number), the language of the
-- messages, and a per-channel opt-out that safety notices (water off, water back) pass anyway. A customer without a
-- row is told in Chinese by SMS only.
CREATE TABLE notify_contacts (
    customer_id   BIGINT      PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
    email         TEXT,
    language      TEXT        NOT NULL DEFAULT 'zh' CHECK (language IN ('zh', 'en')),
    sms_opt_out   BOOLEAN     NOT NULL DEFAULT FALSE,
    email_opt_out BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_by    TEXT        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
