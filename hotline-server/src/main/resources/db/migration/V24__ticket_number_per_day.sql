-- Ticket numbers count from 1 each day (HL-20261130-000123 is the 123rd of that day) instead of from the one global
-- ticket_number_seq that never resets, whose millionth value outgrew the six digits people and the IVR expect.
--
-- The serial of a ticket of day d is nextval('ticket_number_seq') - ticket_number_base(d): the sequence stays the
-- only source of serials, so creates never queue on a counter row and a rolled-back create still burns its serial.
-- A day's base is the sequence's value when that day's first batch asked for it; every later draw is above it.
-- Existing numbers are not touched. Days that already have tickets get base 0 (their serials keep coming from the
-- sequence, as before), so no new number repeats one already given.

CREATE TABLE ticket_number_days (
    day  DATE   PRIMARY KEY,
    base BIGINT NOT NULL
);

INSERT INTO ticket_number_days (day, base)
SELECT DISTINCT to_date(substr(number, 4, 8), 'YYYYMMDD'), 0 FROM tickets;

-- The base of day d, recorded by the first caller. Callers must draw their serials AFTER this returns: a draw made
-- before could be at or below the base. Under READ COMMITTED each statement here sees the latest commits, so a
-- caller that lost the race to insert the day waits for the winner's commit and then reads its base.
CREATE FUNCTION ticket_number_base(d DATE) RETURNS BIGINT
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    day_base BIGINT;
BEGIN
    LOOP
        SELECT base INTO day_base FROM ticket_number_days WHERE day = d;
        IF FOUND THEN
            RETURN day_base;
        END IF;
        INSERT INTO ticket_number_days (day, base)
        SELECT d, CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM ticket_number_seq
        ON CONFLICT (day) DO NOTHING
        RETURNING base INTO day_base;
        IF FOUND THEN
            RETURN day_base;
        END IF;
    END LOOP;
END
$$;
