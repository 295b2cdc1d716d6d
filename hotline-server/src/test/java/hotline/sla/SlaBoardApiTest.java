package hotline.sla;

import hotline.App;
import hotline.auth.NewUser;
import hotline.auth.Role;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.HotlineServerExtension;
import hotline.testing.MovableClock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SLA board, "my escalations" and reassignment through the API, on a server whose clock the tests move (the
 * scheduler is off: what it writes is {@link SlaSchedulerTest}'s matter). Each test works in a district of its own, so
 * the tests of the class share one server without seeing one another's tickets on the board.
 */
class SlaBoardApiTest {

    private static final MovableClock clock = new MovableClock(Instant.parse("2026-05-01T02:00:00Z"));
    private static final AtomicInteger DISTRICTS = new AtomicInteger();

    @RegisterExtension
    static final HotlineServerExtension server = new HotlineServerExtension().withClock(clock)
            .withSettings(() -> new JsonObject().put("sla", new JsonObject().put("scheduler", false)
                    .put("roster", SlaFiles.roster("lead-board", "duty-board", "manager-board").toString())
                    .put("teams", SlaFiles.teams().toString())));

    private static App app;
    private static ApiClient agent;
    private static ApiClient supervisor;
    private static ApiClient lead;
    private static ApiClient duty;
    private static ApiClient admin;

    @BeforeAll
    static void start(App started) {
        app = started;
        agent = ApiClient.as(app, Role.AGENT);
        supervisor = ApiClient.as(app, Role.SUPERVISOR);
        admin = ApiClient.as(app, Role.ADMIN);
        lead = user("lead-board");
        duty = user("duty-board");
    }

    private static ApiClient user(String username) {
        app.auth().users().create(new NewUser(username, username, Role.SUPERVISOR, ApiClient.PASSWORD, null)).await();
        return ApiClient.login(app, username, ApiClient.PASSWORD);
    }

    private static String district() {
        return "SLA-" + DISTRICTS.incrementAndGet();
    }

    private static long create(String type, String district) {
        return createTicket(type, district).getLong("id");
    }

    private static JsonObject createTicket(String type, String district) {
        ApiResponse created = agent.post("/api/tickets", new JsonObject().put("type", type)
                .put("subject", type + " in " + district).put("district", district));
        assertThat(created.status()).isEqualTo(201);
        return created.json();
    }

    private static ApiResponse act(ApiClient client, long id, String action, JsonObject fields) {
        return client.post("/api/tickets/" + id + "/transitions", new JsonObject().put("action", action).put("fields", fields));
    }

    private static JsonObject board(String query) {
        ApiResponse response = supervisor.get("/api/sla/board?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<Long> ids(JsonObject page) {
        return page.getJsonArray("items").stream().map(row -> ((JsonObject) row).getLong("ticketId")).toList();
    }

    @Test
    @DisplayName("a ticket is on the board from its warning threshold (warning), stays once overdue (breached), most overdue first, and leaves when handled")
    void fromWarningToBreach() {
        String district = district();
        JsonObject first = createTicket("inquiry", district); // first response 60 min, warned at 48
        long inquiry = first.getLong("id");
        Instant created = Instant.parse(first.getString("createdAt"));
        clock.advance(Duration.ofMinutes(5));
        long help = create("help", district);         // the same targets, 5 minutes later
        long complaint = create("complaint", district); // first response 4 h: not yet at risk

        assertThat(board("district=" + district).getLong("total")).isZero();
        clock.advance(Duration.ofMinutes(50));

        JsonObject warned = board("district=" + district);
        assertThat(ids(warned)).containsExactly(inquiry, help);
        JsonObject row = warned.getJsonArray("items").getJsonObject(0);
        assertThat(row.getString("state")).isEqualTo("warning");
        assertThat(row.getString("deadline")).isEqualTo("first_response");
        assertThat(row.getString("dueAt")).isEqualTo(created.plus(Duration.ofMinutes(60)).toString());
        assertThat(row.getString("warnAt")).isEqualTo(created.plus(Duration.ofMinutes(48)).toString());
        assertThat(row.getString("number")).isEqualTo(first.getString("number"));
        assertThat(row.getString("tier")).isEqualTo("ordinary");

        clock.advance(Duration.ofMinutes(7)); // 62 minutes after the inquiry: overdue; the request for help is not
        JsonObject states = board("district=" + district);
        assertThat(states.getJsonArray("items").stream().map(r -> ((JsonObject) r).getString("state")))
                .containsExactly("breached", "warning");
        assertThat(ids(board("district=" + district + "&state=breached"))).containsExactly(inquiry);
        assertThat(ids(board("district=" + district + "&state=warning"))).containsExactly(help);

        assertThat(act(agent, inquiry, "answer", new JsonObject().put("answer", "the bill is right")).status())
                .isEqualTo(200);
        assertThat(ids(board("district=" + district))).containsExactly(help).doesNotContain(complaint);
    }

    @Test
    @DisplayName("the board filters by type, district, tier, escalation level and owner, and pages with the total of all matches")
    void filtersAndPaging() {
        String district = district();
        long customer = app.pool().preparedQuery("""
                INSERT INTO customers (account_number, name, district, water_use, kind, tier, created_at, updated_at)
                VALUES ($1, 'Key Hotel', $2, 'commercial', 'organisation', 'key', now(), now()) RETURNING id""")
                .execute(Tuple.of(String.valueOf(77_000_000 + DISTRICTS.get()), district)).await().iterator().next().getLong("id");
        ApiResponse keyTicket = agent.post("/api/tickets", new JsonObject().put("type", "help").put("subject", "no water")
                .put("district", district).put("customerId", customer));
        long key = keyTicket.json().getLong("id"); // a key customer's request for help: first response 30 min
        long repair = create("repair", district);   // normal priority: first response 8 h
        long inquiry = create("inquiry", district);
        long help = create("help", district);
        long other = create("inquiry", district());
        assertThat(act(supervisor, inquiry, "escalate", new JsonObject().put("reason", "caller insists")).status())
                .isEqualTo(200);
        assertThat(act(supervisor, help, "reassign", new JsonObject().put("team", "network").put("reason", "pipes"))
                .status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(55));

        assertThat(ids(board("district=" + district))).containsExactlyInAnyOrder(key, inquiry, help)
                .doesNotContain(repair, other);
        assertThat(ids(board("district=" + district + "&type=inquiry"))).containsExactly(inquiry);
        assertThat(ids(board("district=" + district + "&tier=key"))).containsExactly(key);
        assertThat(ids(board("district=" + district + "&level=team_lead"))).containsExactly(inquiry);
        assertThat(ids(board("district=" + district + "&owner=lead-board"))).containsExactly(inquiry);
        assertThat(ids(board("district=" + district + "&owner=team:network"))).containsExactly(help);
        JsonObject escalated = board("district=" + district + "&level=team_lead").getJsonArray("items").getJsonObject(0);
        assertThat(escalated.getString("owner")).isEqualTo("lead-board");

        JsonObject first = board("district=" + district + "&size=2");
        JsonObject second = board("district=" + district + "&size=2&page=1");
        assertThat(first.getLong("total")).isEqualTo(3);
        assertThat(ids(first)).hasSize(2);
        assertThat(ids(second)).hasSize(1).doesNotContainAnyElementsOf(ids(first));
        assertThat(ids(first).getFirst()).isEqualTo(key); // due 30 minutes after creation: the most overdue

        assertThat(supervisor.get("/api/sla/board?tier=gold").status()).isEqualTo(400);
        assertThat(supervisor.get("/api/sla/board?size=101").status()).isEqualTo(400);
        assertThat(supervisor.get("/api/sla/board?owner=Not%20A%20User").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("an escalation lands in the inbox of the level's holder; acknowledging records who and when, and twice changes nothing")
    void myEscalations() {
        long id = create("complaint", district());
        long unreadBefore = lead.get("/api/sla/escalations").json().getLong("unread");
        act(agent, id, "escalate", new JsonObject().put("reason", "客户要求班组长回电"));

        JsonObject inbox = lead.get("/api/sla/escalations").json();
        assertThat(inbox.getLong("unread")).isEqualTo(unreadBefore + 1);
        JsonObject item = inbox.getJsonArray("items").getJsonObject(0); // newest first
        assertThat(item.getLong("ticketId")).isEqualTo(id);
        assertThat(item.getString("kind")).isEqualTo("escalation");
        assertThat(item.getString("level")).isEqualTo("team_lead");
        assertThat(item.getString("reason")).isEqualTo("客户要求班组长回电");
        assertThat(item.getValue("acknowledgedAt")).isNull();
        assertThat(duty.get("/api/sla/escalations").json().getJsonArray("items")).isEmpty();

        long itemId = item.getLong("id");
        ApiResponse first = lead.post("/api/sla/escalations/" + itemId + "/acknowledgement", new JsonObject());
        clock.advance(Duration.ofMinutes(1));
        ApiResponse again = lead.post("/api/sla/escalations/" + itemId + "/acknowledgement", new JsonObject());

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().getString("acknowledgedBy")).isEqualTo("lead-board");
        assertThat(first.json().getString("acknowledgedAt")).isEqualTo(clock.instant().minus(Duration.ofMinutes(1)).toString());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().getString("acknowledgedAt")).isEqualTo(first.json().getString("acknowledgedAt"));
        assertThat(lead.get("/api/sla/escalations").json().getLong("unread")).isEqualTo(unreadBefore);
        assertThat(lead.get("/api/sla/escalations?status=read").json().getJsonArray("items").stream()
                .map(read -> ((JsonObject) read).getLong("id"))).contains(itemId);
        assertThat(duty.post("/api/sla/escalations/" + itemId + "/acknowledgement", new JsonObject()).status())
                .isEqualTo(404);
        assertThat(lead.get("/api/sla/escalations?status=maybe").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("reassign: a supervisor gives a ticket to an agent, recorded in its timeline with who, from whom, to whom and why")
    void reassignInTheTimeline() {
        long id = create("complaint", district());
        String target = agent.user().getString("username");
        act(agent, id, "escalate", new JsonObject().put("reason", "angry caller"));

        ApiResponse done = act(supervisor, id, "reassign", new JsonObject().put("assignee", target)
                .put("reason", "李小红 handled the first call"));

        assertThat(done.status()).as(done.body()).isEqualTo(200);
        JsonObject ticket = supervisor.get("/api/tickets/" + id).json();
        JsonArray events = ticket.getJsonArray("events");
        JsonObject reassigned = events.getJsonObject(events.size() - 1);
        assertThat(reassigned.getString("action")).isEqualTo("reassign");
        assertThat(reassigned.getString("actor")).isEqualTo(supervisor.user().getString("username"));
        assertThat(reassigned.getJsonObject("data").getJsonObject("assignment").getMap())
                .containsEntry("from", "lead-board").containsEntry("to", target)
                .containsEntry("reason", "李小红 handled the first call");
        assertThat(ticket.getJsonObject("details").getJsonObject("assignment").getString("to")).isEqualTo(target);
    }

    @Test
    @DisplayName("reassign to an unknown or deactivated user, or an unknown or retired team, is 422 naming the field; an agent is 403")
    void reassignRefusals() {
        long id = create("inquiry", district());
        ApiClient leaver = ApiClient.as(app, Role.AGENT);
        assertThat(admin.patch("/api/users/" + leaver.user().getLong("id"), new JsonObject().put("active", false))
                .status()).isEqualTo(200);
        JsonObject reason = new JsonObject().put("reason", "shift change");

        ApiResponse unknownUser = act(supervisor, id, "reassign", reason.copy().put("assignee", "nobody-here"));
        ApiResponse inactiveUser = act(supervisor, id, "reassign", reason.copy()
                .put("assignee", leaver.user().getString("username")));
        ApiResponse unknownTeam = act(supervisor, id, "reassign", reason.copy().put("team", "pumps"));
        ApiResponse retiredTeam = act(supervisor, id, "reassign", reason.copy().put("team", "retired"));
        ApiResponse byAgent = act(agent, id, "reassign", reason.copy().put("assignee", "nobody-here"));

        assertThat(List.of(unknownUser, inactiveUser, unknownTeam, retiredTeam).stream().map(ApiResponse::status))
                .containsOnly(422);
        assertThat(unknownUser.json().getString("field")).isEqualTo("fields.assignee");
        assertThat(inactiveUser.json().getString("field")).isEqualTo("fields.assignee");
        assertThat(unknownTeam.json().getString("field")).isEqualTo("fields.team");
        assertThat(retiredTeam.json().getString("field")).isEqualTo("fields.team");
        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(supervisor.get("/api/tickets/" + id).json().getJsonArray("events").stream()
                .filter(e -> ((JsonObject) e).getString("action").equals("reassign"))).isEmpty();
    }

    @Test
    @DisplayName("an agent is refused the board and the inbox (403); everyone may read the teams")
    void agentsAreRefused() {
        assertThat(agent.get("/api/sla/board").status()).isEqualTo(403);
        assertThat(agent.get("/api/sla/escalations").status()).isEqualTo(403);
        assertThat(agent.post("/api/sla/escalations/1/acknowledgement", new JsonObject()).status()).isEqualTo(403);
        JsonArray teams = agent.get("/api/teams").json().getJsonArray("items");
        assertThat(teams.stream().map(t -> ((JsonObject) t).getString("code"))).containsExactly("network", "retired");
        assertThat(teams.getJsonObject(1).getBoolean("active")).isFalse();
    }

    /** The roster and teams files of these tests. */
    static final class SlaFiles {

        private SlaFiles() {
        }

        /** One shift all week long naming these three users. */
        static Path roster(String teamLead, String dutySupervisor, String manager) {
            return write("roster", new JsonObject().put("shifts", new JsonArray().add(new JsonObject()
                    .put("name", "all day").put("from", "00:00").put("to", "00:00").put("team_lead", teamLead)
                    .put("duty_supervisor", dutySupervisor).put("manager", manager))));
        }

        /** An active team "network" and a retired one. */
        static Path teams() {
            return write("teams", new JsonObject().put("teams", new JsonArray()
                    .add(new JsonObject().put("code", "network").put("zh", "管网抢修所").put("en", "Network repairs"))
                    .add(new JsonObject().put("code", "retired").put("zh", "旧班组").put("active", false))));
        }

        private static Path write(String name, JsonObject json) {
            try {
                Path file = Files.createTempFile("hotline-" + name, ".json");
                Files.writeString(file, json.encodePrettily());
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
