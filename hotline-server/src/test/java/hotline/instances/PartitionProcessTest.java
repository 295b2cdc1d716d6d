package hotline.instances;

import hotline.testing.Await;
import hotline.testing.ServerProcess;
import hotline.testing.SeveralInstances;
import hotline.testing.SiteClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One member of three cut off from the others and back. There is no packet filter to use here (no iptables, and no
 * right to one), so the member is cut off by SIGSTOP: it keeps its sockets and database sessions (and any row it had
 * claimed) but answers nobody, the others drop it from the cluster after the member timeout, and SIGCONT brings it
 * back with its schedulers running on where they stopped — the moment a member that lost its peers acts on stale
 * belief.
 */
class PartitionProcessTest {

    private static final Pattern CALLBACK_ID = Pattern.compile("HOTLINE_CALLBACK_ID=(\\d+)");
    private static final int TICKETS = 12;
    private static final List<String> PHONES = List.of("PJSIP/agent1", "PJSIP/agent2", "PJSIP/agent3");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private SeveralInstances site;
    private ServerProcess cutOff;

    @AfterEach
    void stop() throws Exception {
        if (cutOff != null) {
            cutOff.resume();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    @DisplayName("a member cut off from the cluster while tickets run late and callbacks wait, then back: every escalation, "
            + "inbox entry, callback dial and customer notice happens once")
    void cutOffMemberDuplicatesNothing() throws Exception {
        // given three clustered instances whose SLA schedulers and callback diallers all run, quickly
        site = SeveralInstances.start(3, Map.of(
                "HOTLINE_CLUSTER_MEMBER_TIMEOUT_SECONDS", "3",
                "HOTLINE_SLA_SCAN_INTERVAL_MS", "300",
                "HOTLINE_TELEPHONY_CALLBACK_DIAL_INTERVAL_MS", "200"));
        Await.until(() -> site.amiHolder().isPresent(), Duration.ofSeconds(15));
        ServerProcess holder = site.amiHolder().orElseThrow();
        SiteClient admin = SiteClient.login(http, site.uri("/"), "admin", ServerProcess.ADMIN_PASSWORD);
        List<Long> tickets = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            SiteClient.Reply created = admin.post(site.uri("/api/tickets"), new JsonObject().put("type", "repair")
                    .put("priority", "critical").put("subject", "路面冒水 partition " + i));
            assertThat(created.status()).as(created.json().encode()).isEqualTo(201);
            tickets.add(created.json().getLong("id"));
        }

        // when a member without the AMI link is cut off, and stays away past the member timeout
        cutOff = site.running().stream().filter(server -> server != holder).findFirst().orElseThrow();
        cutOff.suspend();
        Thread.sleep(4_000);
        // and meanwhile every ticket's targets pass, three callbacks are booked and three agents come free
        site.execute("UPDATE ticket_sla SET first_response_warn_at = now() - interval '3 hours', "
                + "first_response_due = now() - interval '2 hours', resolution_warn_at = now() - interval '2 hours', "
                + "resolution_due = now() - interval '1 hour', next_check_at = now() WHERE ticket_id = ANY (?)",
                tickets);
        for (int i = 0; i < 3; i++) {
            site.execute("INSERT INTO callbacks (call_uniqueid, caller_number, priority, requested_at, due_at, status, "
                    + "next_attempt_at, updated_at) VALUES ('partition-" + i + "', '1390000000" + i + "', 1, now(), "
                    + "now() + interval '30 minutes', 'requested', now(), now())");
        }
        for (String phone : PHONES) {
            site.peer().emit("QueueMemberStatus", Map.of("Queue", "hotline", "MemberName", phone, "Interface", phone,
                    "StateInterface", phone, "Status", "1", "Paused", "0", "InCall", "0"));
        }
        Thread.sleep(2_000);
        // and then it comes back, its schedulers resuming where they stopped
        cutOff.resume();
        cutOff.awaitHealthy(Duration.ofSeconds(20));
        Map<Long, Integer> dialled = originatesPerCallback(Duration.ofSeconds(4));

        // then every ticket escalated, and once per passed target; each escalation reached one inbox once
        assertThat(site.count("SELECT count(DISTINCT ticket_id) FROM ticket_events WHERE action = 'escalate' "
                + "AND ticket_id = ANY (?)", tickets)).isEqualTo(TICKETS);
        assertThat(site.count("SELECT count(*) FROM (SELECT 1 FROM ticket_events WHERE action = 'escalate' "
                + "AND ticket_id = ANY (?) GROUP BY ticket_id, data->'sla'->>'deadline' HAVING count(*) > 1) twice",
                tickets)).as("targets escalated twice").isZero();
        assertThat(site.count("SELECT count(*) FROM (SELECT 1 FROM sla_inbox WHERE kind = 'escalation' "
                + "AND ticket_id = ANY (?) GROUP BY ticket_id, level HAVING count(*) > 1) twice", tickets))
                .as("escalations in an inbox twice").isZero();
        // and every callback was dialled, once
        assertThat(dialled).hasSize(3).allSatisfy((callback, times) -> assertThat(times).isEqualTo(1));
        // and no customer is told one thing about one ticket twice
        assertThat(site.count("SELECT count(*) FROM (SELECT 1 FROM notices WHERE ticket_id = ANY (?) "
                + "GROUP BY ticket_id, kind HAVING count(*) > 1) twice", tickets)).isZero();
    }

    /** The Originates Asterisk receives within {@code window}, counted per callback they dial. */
    private Map<Long, Integer> originatesPerCallback(Duration window) throws InterruptedException {
        Map<Long, Integer> dialled = new HashMap<>();
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, String> originate = site.peer().nextAction("Originate", 200);
            if (originate != null) {
                Matcher id = CALLBACK_ID.matcher(originate.toString());
                if (id.find()) {
                    dialled.merge(Long.parseLong(id.group(1)), 1, Integer::sum);
                }
            }
        }
        return dialled;
    }
}
