-- The report benchmark's history: customers, agents, tickets with their creating events and SLA rows, calls with
-- wrap-ups and IVR survey answers, return-call answers, spread over the year before :now. One statement per
-- paragraph (separated by blank lines); :tickets, :calls, :customers and :now are replaced before running.
SELECT setseed(0.2026);

INSERT INTO customers (account_number, name, district, water_use, kind, tier, created_at, updated_at)
SELECT lpad((10000000 + g)::text, 9, '0'), '客户' || g,
       (ARRAY['XH', 'SC', 'GS', 'BJ', 'XS', 'YH', 'LP', 'QT'])[1 + g % 8],
       'residential', 'individual', CASE WHEN g % 97 = 0 THEN 'key' WHEN g % 10 = 0 THEN 'small' ELSE 'ordinary' END,
       :now, :now
FROM generate_series(1, :customers) g;

INSERT INTO users (username, display_name, role, password_hash, created_at)
SELECT 'bench-agent-' || g, '坐席' || g, 'agent', 'not-a-hash', :now FROM generate_series(0, 49) g;

INSERT INTO tickets (number, type, channel, status, priority, urgent, customer_id, subject, district, category,
                     created_at, updated_at, closed_at)
SELECT 'HL-B' || lpad(g::text, 8, '0'), type, channel, 'closed', 'normal', false,
       CASE WHEN r3 < 0.8 THEN (SELECT min(id) FROM customers) + floor(r4 * :customers)::bigint END,
       'bench', (ARRAY['XH', 'SC', 'GS', 'BJ', 'XS', 'YH', 'LP', 'QT'])[1 + floor(r5 * 8)::int],
       CASE WHEN type = 'repair' THEN (ARRAY['leak', 'burst_main', 'low_pressure', 'no_water', 'meter'])[1 + floor(r5 * 5)::int] END,
       at, at, at + interval '1 day'
FROM (SELECT g, :now - r1 * interval '365 days' AS at, r3, r4, r5,
             CASE WHEN r2 < 0.45 THEN 'repair' WHEN r2 < 0.6 THEN 'complaint' WHEN r2 < 0.85 THEN 'inquiry'
                  WHEN r2 < 0.9 THEN 'suggestion' ELSE 'help' END AS type,
             CASE WHEN r6 < 0.6 THEN 'phone' WHEN r6 < 0.8 THEN 'ivr' WHEN r6 < 0.95 THEN 'web' ELSE 'walk_in' END
                 AS channel
      FROM (SELECT g, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6
            FROM generate_series(1, :tickets) g) r) t;

INSERT INTO ticket_events (ticket_id, at, actor, channel, action)
SELECT id, created_at, CASE WHEN channel = 'ivr' THEN 'ivr' ELSE 'bench-agent-' || id % 50 END, channel, 'created'
FROM tickets;

INSERT INTO ticket_sla (ticket_id, rule, tier, critical_facility, first_response_due, resolution_due,
                        first_response_warn_at, resolution_warn_at, follow_up_delay_s, escalate_every_s, warning,
                        responded, resolved, breached, updated_at)
SELECT id, 'bench', CASE WHEN id % 97 = 0 THEN 'key' WHEN id % 10 = 0 THEN 'small' ELSE 'ordinary' END, false,
       created_at + interval '4 hours', created_at + (1 + id % 3) * interval '1 day',
       created_at + interval '3 hours', created_at + (1 + id % 3) * interval '20 hours', 86400, 3600, 0.8,
       true, random() < 0.95, CASE WHEN random() < 0.08 THEN '{resolution}'::text[] ELSE '{}' END, created_at
FROM tickets;

INSERT INTO calls (uniqueid, caller_number, started_at, answered_at, ended_at, queue, wait_seconds, talk_seconds,
                   agent_user_id, disposition, customer_id, created_at, wrap_up_code, wrapped_up_at)
SELECT 'bench-' || g, '138' || lpad(g::text, 8, '0'), started,
       CASE WHEN disposition = 'answered' THEN started + wait * interval '1 second' END,
       started + (wait + COALESCE(talk, 0)) * interval '1 second',
       CASE WHEN disposition <> 'ivr_completed' THEN 'hotline' END, wait, talk,
       CASE WHEN disposition = 'answered' THEN (SELECT min(id) FROM users WHERE username LIKE 'bench-agent-%') + g % 50 END,
       disposition, CASE WHEN r3 < 0.7 THEN (SELECT min(id) FROM customers) + floor(r4 * :customers)::bigint END,
       started, CASE WHEN disposition = 'answered' THEN 'resolved' END,
       CASE WHEN disposition = 'answered' THEN started + (wait + talk + 5 + floor(r3 * 40)) * interval '1 second' END
FROM (SELECT g, :now - r1 * interval '365 days' AS started, r3, r4,
             CASE WHEN r2 < 0.15 THEN 'ivr_completed' WHEN r2 < 0.85 THEN 'answered' WHEN r2 < 0.97 THEN 'abandoned'
                  ELSE 'missed' END AS disposition,
             floor(r5 * r5 * 90)::int AS wait, CASE WHEN r2 >= 0.15 AND r2 < 0.85 THEN 60 + floor(r6 * 400)::int END
                 AS talk
      FROM (SELECT g, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6
            FROM generate_series(1, :calls) g) r) c;

INSERT INTO call_satisfaction (uniqueid, score, recorded_at)
SELECT uniqueid, 1 + floor(random() * 5)::int, ended_at FROM calls WHERE disposition = 'answered' AND random() < 0.2;

INSERT INTO followups (kind, ticket_type, district, agent, assignee, due_at, done_at, outcome, satisfaction, created_at)
SELECT 'complaint', 'complaint', district, 'bench-agent-' || id % 50, 'bench-agent-' || id % 50,
       created_at + interval '2 days', created_at + interval '2 days', 'answered', 1 + floor(random() * 5)::int, created_at
FROM tickets WHERE type = 'complaint' AND id % 3 = 0;

ANALYZE
