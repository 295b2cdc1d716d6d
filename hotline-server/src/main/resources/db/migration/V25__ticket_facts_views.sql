-- What other capabilities may read of tickets (search, surveillance, incidents, crews, SLA): these views, never the
-- ticket capability's tables, so it may change its tables as long as the views keep their columns. They are plain
-- views; PostgreSQL plans a query on one as on the table, with the table's indexes.

-- A ticket as the API shows it, without the bookkeeping (version, creating user).
CREATE VIEW ticket_facts AS
SELECT id, number, type, channel, status, priority, urgent, customer_id, caller_number, subject, description,
       location, district, category, details, created_at, updated_at, closed_at
FROM tickets;

-- What happened to a ticket: when, which action, the action's data (the fields' diffs stay with the ticket).
CREATE VIEW ticket_event_facts AS
SELECT id, ticket_id, at, action, data
FROM ticket_events;
