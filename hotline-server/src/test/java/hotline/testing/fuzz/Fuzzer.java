package hotline.testing.fuzz;

import hotline.App;
import hotline.auth.NewUser;
import hotline.auth.Role;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sends hostile requests generated from the contract to a running server, as an admin (the role that may reach every
 * handler), and judges each answer: never a 5xx the contract does not declare for the operation (a telephony action
 * without Asterisk may say 503), never a connection dropped or left unanswered, and when the request is refused (4xx)
 * nothing stored has changed. Seeds the resources whose ids the paths name. One thread at a time.
 */
public final class Fuzzer {

    /** What one request got: its status (or {@link RawHttp#DROPPED}, {@link RawHttp#NO_ANSWER}) and what went wrong. */
    public record Outcome(HostileRequest request, int status, Optional<String> problem) {

        /** "2xx", "4xx", "5xx" or "none" (dropped or unanswered). */
        public String statusClass() {
            return status < 0 ? "none" : status / 100 + "xx";
        }
    }

    private final App app;
    private final List<ApiOperation> operations;
    private final RequestMaker maker;
    private final String adminName;
    private String token;

    private Fuzzer(App app, List<ApiOperation> operations, RequestMaker maker, ApiClient admin) {
        this.app = app;
        this.operations = operations;
        this.maker = maker;
        this.adminName = admin.user().getString("username");
        this.token = admin.token();
    }

    /** Reads the contract, logs in as a new admin and creates a customer, a repair ticket, a crew and a user to aim at. */
    /**
     * The settings the server of a fuzz run needs, over its own: no log-in throttle (refused log-ins are part of the
     * fuzzing; the throttle must not lock the fuzzer's own address out), and no outbox pruning while it runs (the
     * search heartbeat deleting applied rows would read as a refused request that changed what is stored).
     */
    public static JsonObject settings() {
        return new JsonObject()
                .put("auth", new JsonObject().put("loginFailures", new JsonObject().put("perUserAndAddress", 1000)
                        .put("perUsername", 1000).put("perAddress", 1000)))
                .put("search", new JsonObject().put("heartbeatSeconds", 3_600).put("instanceExpirySeconds", 3 * 3_600));
    }

    public static Fuzzer against(App app) {
        ApiClient admin = ApiClient.as(app, Role.ADMIN);
        long customer = admin.post("/api/customers", new JsonObject().put("accountNumber", "900100200")
                .put("name", "Fuzz Target").put("phones", new JsonArray().add("13900139000"))
                .put("waterUse", "residential").put("kind", "individual")).json().getLong("id");
        long ticket = admin.post("/api/tickets", new JsonObject().put("type", "repair").put("subject", "fuzz target")
                .put("customerId", customer).put("district", "SC").put("category", "burst_main")).json().getLong("id");
        admin.post("/api/crews", new JsonObject().put("name", "Fuzz crew"));
        long user = app.auth().users().create(new NewUser("fuzz-target", "Fuzz Target", Role.AGENT, ApiClient.PASSWORD))
                .await().id();
        RequestMaker maker = new RequestMaker(Map.of("tickets", () -> ticket, "customers", () -> customer,
                "users", () -> user));
        return new Fuzzer(app, Contract.operations(app.vertx()), maker, admin);
    }

    public List<ApiOperation> operations() {
        return operations;
    }

    public Outcome send(HostileRequest request) {
        List<String> before = Fingerprint.of(app.pool());
        RawHttp.Answer answer;
        try {
            answer = RawHttp.send(app.httpPort(), maker.make(request, token));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the server", e);
        }
        int status = answer.status();
        Optional<String> problem = Optional.empty();
        if (status == RawHttp.DROPPED) {
            problem = Optional.of("the connection closed without an answer");
        } else if (status == RawHttp.NO_ANSWER) {
            problem = Optional.of("no answer within the timeout");
        } else if (status >= 500 && !(Set.of(502, 503).contains(status) && request.operation().declared().contains(status))) {
            problem = Optional.of("answered " + firstLines(answer.head()));
        } else if (status >= 400) {
            List<String> changed = Fingerprint.of(app.pool()).stream().filter(table -> !before.contains(table)).toList();
            if (!changed.isEmpty()) {
                problem = Optional.of("refused with " + status + " but the database changed: " + changed);
            }
        }
        if (status >= 200 && status < 300 && request.operation().method().equals("DELETE")) {
            keepLoggedIn();
        }
        return new Outcome(request, status, problem);
    }

    /** A request may have ended the admin's session (a log-out that passed): log in again. */
    private void keepLoggedIn() {
        ApiResponse session = ApiClient.anonymous(app).get("/api/session", Map.of("Authorization", "Bearer " + token));
        if (session.status() == 401) {
            token = ApiClient.login(app, adminName, ApiClient.PASSWORD).token();
        }
    }

    private static String firstLines(String head) {
        int end = head.indexOf("\r\n\r\n");
        String body = end < 0 ? "" : head.substring(end + 4);
        return head.lines().findFirst().orElse("") + " " + (body.length() > 300 ? body.substring(0, 300) : body);
    }
}
