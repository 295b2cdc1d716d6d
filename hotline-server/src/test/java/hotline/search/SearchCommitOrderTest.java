package hotline.search;

import hotline.App;
import hotline.auth.Role;
import hotline.store.DbEndpoint;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.TestApp;
import hotline.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Outbox ids are drawn before commit, so transactions commit out of their order: the index must not care. */
class SearchCommitOrderTest {

    private static final int CLIENTS = 20;
    private static final int TICKETS_PER_CLIENT = 60;

    @Test
    @DisplayName("Given a transaction that drew its outbox id first but commits after a later one was indexed, then its ticket is found by its number within 1 second")
    void lateCommitOfAnEarlierOutboxId() throws Exception {
        DbEndpoint database = TestDatabase.fresh();
        try (App app = TestApp.start(new JsonObject(), Clock.systemUTC(), database);
             Connection early = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            ApiClient agent = ApiClient.as(app, Role.AGENT);
            early.setAutoCommit(false);
            long earlyId = insertTicket(early, "HL-20261123-777001");

            long later = SearchApiTest.create(agent, "水表井盖丢了", "小区门口水表井盖不见了", "east");
            SearchApiTest.millisUntilFound(agent, "井盖", later);
            early.commit();

            assertThat(SearchApiTest.millisUntilFound(agent, "HL-20261123-777001", earlyId)).isLessThan(1_000);
        }
    }

    @Test
    @DisplayName("Given tickets created by many concurrent clients through two instances on one database, then each instance finds every one of them by its number")
    void manyClientsTwoInstances() throws InterruptedException {
        DbEndpoint database = TestDatabase.fresh();
        JsonObject twoEventLoops = new JsonObject().put("http", new JsonObject().put("instances", 2));
        try (App first = TestApp.start(twoEventLoops, Clock.systemUTC(), database);
             App second = TestApp.start(twoEventLoops, Clock.systemUTC(), database)) {
            List<App> apps = List.of(first, second);
            List<ApiClient> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(ApiClient.as(apps.get(i % 2), Role.AGENT));
            }
            Map<Long, String> created = new ConcurrentHashMap<>();
            inParallel(clients, client -> {
                for (int n = 0; n < TICKETS_PER_CLIENT; n++) {
                    ApiResponse response = client.post("/api/tickets", new JsonObject().put("type", "repair")
                            .put("subject", "管道漏水").put("description", "楼道里管道漏水").put("district", "north"));
                    assertThat(response.status()).as(response.body()).isEqualTo(201);
                    created.put(response.json().getLong("id"), response.json().getString("number"));
                }
            });
            assertThat(created).hasSize(CLIENTS * TICKETS_PER_CLIENT);
            Map<Integer, List<String>> missing = new TreeMap<>();
            for (int i = 0; i < apps.size(); i++) {
                missing.put(i + 1, notFoundByNumber(ApiClient.as(apps.get(i), Role.AGENT), created));
            }
            assertThat(missing).as("tickets not found, by instance").containsOnly(entry(1, List.of()), entry(2, List.of()));
        }
    }

    /** The tickets one instance does not find by their number, looking for at most 5 seconds in all. */
    private static List<String> notFoundByNumber(ApiClient agent, Map<Long, String> tickets)
            throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<String> missing = new ArrayList<>();
        for (Map.Entry<Long, String> ticket : tickets.entrySet()) {
            while (!found(agent, ticket.getValue(), ticket.getKey())) {
                if (System.nanoTime() > deadline) {
                    missing.add(ticket.getValue());
                    break;
                }
                Thread.sleep(20);
            }
        }
        return missing;
    }

    static boolean found(ApiClient agent, String q, long id) {
        ApiResponse response = agent.get(SearchApiTest.search(q));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().getJsonArray("hits").stream().anyMatch(hit -> ((JsonObject) hit).getLong("id") == id);
    }

    private interface ClientWork {
        void run(ApiClient client) throws Exception;
    }

    static void inParallel(List<ApiClient> clients, ClientWork work) throws InterruptedException {
        List<Throwable> failures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (ApiClient client : clients) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    work.run(client);
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
    }

    /** Inserts a ticket and its outbox row in the connection's open transaction; answers the ticket id. */
    static long insertTicket(Connection connection, String number) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                     WITH t AS (INSERT INTO tickets (number, type, channel, status, priority, subject, description,
                                                     district, created_at, updated_at)
                                VALUES (?, 'repair', 'phone', 'reported', 'normal', '消火栓漏水', '路口消火栓一直在漏',
                                        'east', now(), now()) RETURNING id)
                     INSERT INTO outbox (topic, aggregate_id, payload, created_at)
                     SELECT 'ticket', id, '{}'::jsonb, now() FROM t RETURNING aggregate_id""")) {
            statement.setString(1, number);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
