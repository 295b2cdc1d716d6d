-- pgbench script: the database work of one ticket that TicketLoad creates over POST /api/tickets, as the server does
-- it for a ticket alone in its transaction: TicketSql.CREATE (the ticket, its 'created' event, its outbox row; no
-- idempotency key, as TicketLoad sends none, so the key CTE inserts nothing), then the SLA listener's SlaSql.UPSERT,
-- between BEGIN and COMMIT. The values are TicketLoad's (a repair ticket from a caller no customer has, created by
-- admin, the SLA row of rule "major repair: within 48 h"). One difference: the outbox topic is 'pgbench', not
-- 'ticket', so that the idle server's search feeder (which reads its own topic only) does not index these tickets
-- while pgbench runs. A snapshot, not a copy kept in step: when the ticket transaction changes, change this too and
-- compare ratios only between runs of the same script. Variables from the harness: admin_id, day (yyyyMMdd).
\set n random(0, 999999999)
\set subject 1 + :n % 7
\set place :n % 300
\set district :n % 12
\set caller :n % 10000
BEGIN;
WITH input AS (
    SELECT * FROM unnest(ARRAY[NULL]::text[], ARRAY['repair']::text[], ARRAY['phone']::text[],
                         ARRAY['reported']::text[], ARRAY['normal']::text[], ARRAY[false]::boolean[],
                         ARRAY[NULL]::bigint[], ARRAY['1380000' || lpad(:caller::text, 4, '0')]::text[],
                         ARRAY['1380000' || lpad(:caller::text, 4, '0')]::text[],
                         ARRAY[(ARRAY['门口爆管，水流到马路上', 'Leak at the meter box, water running', '水压很低，楼上没水',
                                      '自来水发黄有异味', 'No water since this morning', '消防栓漏水',
                                      'Low pressure on the 5th floor'])[:subject]]::text[],
                         ARRAY['Load test ticket ' || :n || ' from client ' || :client_id
                               || '：来电反映情况，请尽快处理。']::text[],
                         ARRAY['人民路' || :place || '号']::text[], ARRAY['D' || :district]::text[],
                         ARRAY[NULL]::text[], ARRAY['{}']::text[], ARRAY[:admin_id]::bigint[], ARRAY['admin']::text[])
        WITH ORDINALITY AS i(key, type, channel, status, priority, urgent, customer_id, caller_number,
                             caller_phone, subject, description, location, district, category, details,
                             created_by, actor, position)
), ids AS (
    SELECT input.*, nextval(pg_get_serial_sequence('tickets', 'id')) AS id, link.matches,
           link.customer_id AS linked_customer_id
    FROM input LEFT JOIN LATERAL (
        SELECT count(DISTINCT p.customer_id) AS matches, min(p.customer_id) AS customer_id
        FROM customer_phones p WHERE p.phone = input.caller_phone
    ) link ON true
), k AS (
    INSERT INTO idempotency_keys (scope, key, request_hash, ticket_id, created_at)
    SELECT actor, key, NULL, id, now() FROM ids WHERE key IS NOT NULL
    ON CONFLICT (scope, key) DO NOTHING
    RETURNING ticket_id
), day AS MATERIALIZED (
    SELECT ticket_number_base(to_date(:day::text, 'YYYYMMDD')) AS base
), t AS (
    INSERT INTO tickets (id, number, type, channel, status, priority, urgent, customer_id, caller_number,
                         subject, description, location, district, category, details, created_by,
                         created_at, updated_at)
    OVERRIDING SYSTEM VALUE
    SELECT id, 'HL-' || :day::text || '-' || lpad(serial::text, greatest(6, length(serial::text)), '0'),
           type, channel, status, priority, urgent,
           COALESCE(customer_id, CASE WHEN matches = 1 THEN linked_customer_id END), caller_number,
           subject, description, location, district, category, details::jsonb, created_by,
           now(), now()
    FROM (SELECT ids.*, nextval('ticket_number_seq') - day.base AS serial FROM ids CROSS JOIN day
          WHERE key IS NULL OR id IN (SELECT ticket_id FROM k) ORDER BY position) numbered
    RETURNING *
), e AS (
    INSERT INTO ticket_events (ticket_id, at, actor, channel, action, data)
    SELECT t.id, now(), ids.actor, t.channel, 'created', jsonb_build_object('callerMatches', ids.matches)
    FROM t JOIN ids ON ids.id = t.id
    RETURNING id, ticket_id
), o AS (
    INSERT INTO outbox (topic, aggregate_id, event_id, payload, created_at)
    SELECT 'pgbench', t.id, e.id, jsonb_build_object('id', t.id, 'number', t.number, 'action', 'created',
                                                     'status', t.status, 'type', t.type, 'district', t.district),
           now()
    FROM t JOIN e ON e.ticket_id = t.id
)
SELECT t.id AS ticket_id, t.*, ids.position FROM t JOIN ids ON ids.id = t.id
\gset
INSERT INTO ticket_sla (ticket_id, rule, tier, critical_facility, first_response_due, resolution_due,
                        first_response_warn_at, resolution_warn_at, follow_up_delay_s, escalate_every_s,
                        warning, responded, resolved, level, next_check_at, updated_at,
                        ticket_type, district, owner, risk_deadline, risk_at, due_at)
VALUES (:ticket_id, 'major repair: within 48 h', 'ordinary', false, now() + interval '8 hours',
        now() + interval '48 hours', now() + interval '6 hours 24 minutes', now() + interval '38 hours 24 minutes',
        172800, 14400, 0.8, false, false, 'agent', now() + interval '6 hours 24 minutes', now(),
        'repair', 'D' || :district, NULL, 'first_response', now() + interval '6 hours 24 minutes',
        now() + interval '8 hours')
ON CONFLICT (ticket_id) DO UPDATE SET
    rule = EXCLUDED.rule, tier = EXCLUDED.tier, critical_facility = EXCLUDED.critical_facility,
    first_response_due = EXCLUDED.first_response_due, resolution_due = EXCLUDED.resolution_due,
    first_response_warn_at = EXCLUDED.first_response_warn_at,
    resolution_warn_at = EXCLUDED.resolution_warn_at, follow_up_delay_s = EXCLUDED.follow_up_delay_s,
    escalate_every_s = EXCLUDED.escalate_every_s, warning = EXCLUDED.warning,
    responded = EXCLUDED.responded, resolved = EXCLUDED.resolved, level = EXCLUDED.level,
    next_check_at = CASE WHEN ticket_sla.suspended THEN NULL ELSE EXCLUDED.next_check_at END,
    updated_at = EXCLUDED.updated_at, ticket_type = EXCLUDED.ticket_type, district = EXCLUDED.district,
    owner = EXCLUDED.owner, risk_deadline = EXCLUDED.risk_deadline,
    risk_at = CASE WHEN ticket_sla.suspended THEN NULL ELSE EXCLUDED.risk_at END, due_at = EXCLUDED.due_at;
COMMIT;
