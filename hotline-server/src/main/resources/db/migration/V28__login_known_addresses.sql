-- Log-in throttling by known address: a failure remembers whether its address was one the user had logged in from,
-- so guesses from elsewhere count against the user name and the address while the user's own typos do not.
ALTER TABLE login_failures ADD COLUMN known BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX login_failures_pair_idx ON login_failures (username, address, at);

-- Addresses each user name logged in from successfully, with the last time.
CREATE TABLE login_addresses (
    username        TEXT        NOT NULL,
    address         TEXT        NOT NULL,
    last_success_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (username, address)
);
CREATE INDEX login_addresses_last_success_idx ON login_addresses (last_success_at);
