package hotline.instances;

import hotline.testing.Await;
import hotline.testing.EventStream;
import hotline.testing.MachineLoad;
import hotline.testing.ServerProcess;
import hotline.testing.SeveralInstances;
import hotline.testing.SiteClient;
import hotline.testing.TicketWriters;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static hotline.telephony.peer.AmiPeer.fields;
import static org.assertj.core.api.Assertions.assertThat;

/** Three server processes behind nginx on one PostgreSQL; the one holding the AMI link dies by SIGKILL under load. */
class AmiFailoverProcessTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private SeveralInstances site;

    @AfterEach
    void stop() throws Exception {
        if (site != null) {
            site.close();
        }
    }

    @Test
    @DisplayName("kill -9 of the AMI link's holder under load: another instance holds the link and has resynced within "
            + "5 s, its browsers reconnect through nginx to the current state, no acknowledged ticket is lost and all "
            + "are searchable on every survivor within 1 s (bounds for cores of their own)")
    void holderKilledUnderLoad() throws Exception {
        // given three instances behind nginx, agent1 paused for lunch in Asterisk, and browsers on every instance
        site = SeveralInstances.start(3, Map.of());
        site.peer().queueMember(fields("Queue", "hotline", "Name", "agent1", "Location", "PJSIP/agent1",
                "StateInterface", "PJSIP/agent1", "Membership", "dynamic", "Penalty", "0", "CallsTaken", "0",
                "LastCall", "0", "LastPause", "0", "LoginTime", "0", "InCall", "0", "Status", "1", "Paused", "1",
                "PausedReason", "lunch", "Wrapuptime", "0"));
        Await.until(() -> site.amiHolder().isPresent(), Duration.ofSeconds(15));
        ServerProcess holder = site.amiHolder().orElseThrow();
        SiteClient admin = SiteClient.login(http, site.uri("/"), "admin", ServerProcess.ADMIN_PASSWORD);
        List<EventStream> browsers = new ArrayList<>();
        while (browsers.stream().noneMatch(stream -> onInstance(stream, holder)) && browsers.size() < 6) {
            browsers.add(EventStream.open(http, site.uri("/console/events"), admin.token()));
        }
        assertThat(browsers).anyMatch(stream -> onInstance(stream, holder));

        // when tickets are being created through nginx and the holder is killed
        TicketWriters load = new TicketWriters(admin, site.uri("/"), "failover" + System.nanoTime() % 100_000)
                .start(4, Duration.ofSeconds(8), 2_000);
        Thread.sleep(2_000);
        holder.kill();
        long killedAt = System.nanoTime();

        // then another instance holds the link, resynced (it knows agent1's pause from Asterisk), within 5 s
        Await.until(() -> site.amiHolder().isPresent(), MachineLoad.stretch(Duration.ofSeconds(5)));
        long failoverMillis = (System.nanoTime() - killedAt) / 1_000_000;
        ServerProcess heir = site.amiHolder().orElseThrow();
        assertThat(heir).isNotSameAs(holder);
        assertThat(site.peer().loggedInSessions()).isEqualTo(1);
        JsonObject member = member(admin, heir, "PJSIP/agent1");
        assertThat(member.getString("state")).isEqualTo("paused");
        assertThat(member.getString("pausedReason")).isEqualTo("lunch");

        // and the browsers of the dead instance lost their stream; reconnecting through nginx, they get the current
        // state from a living one at once
        List<EventStream> orphans = browsers.stream().filter(stream -> onInstance(stream, holder)).toList();
        Await.until(() -> orphans.stream().allMatch(EventStream::ended), Duration.ofSeconds(5));
        for (EventStream orphan : orphans) {
            try (EventStream again = EventStream.open(http, site.uri("/console/events"), admin.token())) {
                assertThat(again.status()).isEqualTo(200);
                assertThat(onInstance(again, holder)).as("nginx sends the reconnect to a living instance").isFalse();
                Await.until(() -> again.events().stream().anyMatch(event -> event.name().equals("live")),
                        MachineLoad.stretch(Duration.ofSeconds(2)));
            }
        }

        // and every ticket the site acknowledged is stored, and searchable on every survivor within 1 s of the last
        load.await();
        long loadEnded = System.nanoTime();
        assertThat(load.acknowledged()).as("tickets acknowledged (refused: %s)", load.refused()).hasSizeGreaterThan(20);
        assertThat(site.missingTickets(load.acknowledged())).as("acknowledged tickets that are not stored").isEmpty();
        long stored = site.storedTicketsWith(load.marker());
        Map<String, Long> searchableAfterMillis = new ConcurrentHashMap<>();
        try (ExecutorService polling = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ServerProcess survivor : site.running()) {
                polling.submit(() -> {
                    // each survivor asked on its own, at once: one slow answer must not eat another's second
                    Await.until(() -> searchTotal(admin, survivor, load.marker()) == stored, Duration.ofSeconds(30));
                    searchableAfterMillis.put(survivor.name(), (System.nanoTime() - loadEnded) / 1_000_000);
                    return null;
                });
            }
        }
        long allowed = MachineLoad.stretch(Duration.ofSeconds(1)).toMillis();
        assertThat(searchableAfterMillis).as("ms after the last ticket until a survivor's search finds all %d", stored)
                .hasSize(2).allSatisfy((survivor, millis) -> assertThat(millis).isLessThanOrEqualTo(allowed));
        System.out.printf("AMI failover %d ms; %d tickets acknowledged, refused %s; searchable after %s ms%n",
                failoverMillis, load.acknowledged().size(), load.refused(), searchableAfterMillis);
        browsers.forEach(EventStream::close);
    }

    private static boolean onInstance(EventStream stream, ServerProcess server) {
        return stream.instance().endsWith(":" + server.port());
    }

    /** The member at {@code iface} of the queue board of {@code server} (asked directly, not through nginx). */
    private static JsonObject member(SiteClient client, ServerProcess server, String iface) throws Exception {
        JsonArray queues = client.get(server.uri("/api/queues")).json().getJsonArray("queues");
        return queues.stream().map(JsonObject.class::cast)
                .flatMap(queue -> queue.getJsonArray("members").stream().map(JsonObject.class::cast))
                .filter(member -> iface.equals(member.getString("interface"))).findFirst().orElseThrow();
    }

    private static long searchTotal(SiteClient client, ServerProcess server, String word) {
        try {
            return client.get(server.uri("/api/search?size=1&q=" + word)).json().getLong("total", -1L);
        } catch (Exception e) {
            return -1;
        }
    }
}
