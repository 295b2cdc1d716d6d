package hotline.billing;

import hotline.App;
import hotline.auth.Role;
import hotline.testing.ApiClient;
import hotline.testing.ApiResponse;
import hotline.testing.HotlineServerExtension;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger through the API: an export uploaded by a supervisor, all or nothing, read back per customer with what
 * is overdue and the consumption jump. The cache is off here, so each read sees the latest import.
 */
class BillingApiTest {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger(600_000);
    private static final Map<String, String> CSV = Map.of("Content-Type", "text/csv; charset=utf-8");
    private static final String HEADER = "record,accountNumber,balance,nextReadingOn,period,issuedOn,dueOn,consumption,"
            + "amount,paidOn,method,readOn,value,estimated\n";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @RegisterExtension
    static final HotlineServerExtension server = new HotlineServerExtension()
            .withSettings(new JsonObject().put("billing", new JsonObject().put("cacheSeconds", 0)));
    private static ApiClient agent;
    private static ApiClient supervisor;

    @BeforeAll
    static void start(App app) {
        agent = ApiClient.as(app, Role.AGENT);
        supervisor = ApiClient.as(app, Role.SUPERVISOR);
    }

    /** A new customer (its id) with a fresh account number. */
    private static long customer(String account) {
        ApiResponse created = agent.post("/api/customers", new JsonObject().put("accountNumber", account)
                .put("name", "李四").put("phones", new JsonArray().add("1390000" + account.substring(account.length() - 4)))
                .put("waterUse", "residential").put("kind", "individual"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().getLong("id");
    }

    /**
     * Six months of bills of 10 m³ (the latest {@code latest} m³), the latest not yet due; paid but for the latest
     * {@code unpaid}; a reading per month, the third estimated.
     */
    private static String account(String account, int latest, int unpaid) {
        StringBuilder csv = new StringBuilder();
        int balance = 0;
        for (int i = 6; i >= 1; i--) {
            YearMonth period = YearMonth.from(TODAY).minusMonths(i);
            int consumption = i == 1 ? latest : 10;
            int amount = consumption * 35 / 10;
            LocalDate issued = period.plusMonths(1).atDay(1);
            LocalDate due = i == 1 ? TODAY.plusDays(10) : issued.plusDays(15);
            csv.append("bill,").append(account).append(",,,").append(period).append(',').append(issued).append(',')
                    .append(due).append(',').append(consumption).append(',').append(amount).append(".00,,,,,\n");
            if (i > unpaid) {
                csv.append("payment,").append(account).append(",,,,,,,").append(amount).append(".00,")
                        .append(issued.plusDays(5)).append(",wechat,,,\n");
            } else {
                balance += amount;
            }
            csv.append("reading,").append(account).append(",,,,,,,,,,").append(period.atDay(25)).append(',')
                    .append(100 + 10 * (7 - i)).append(',').append(i == 3 ? "true" : "false").append('\n');
        }
        return "account," + account + "," + balance + ".00," + TODAY.plusDays(12) + ",,,,,,,,,,\n" + csv;
    }

    private static ApiResponse upload(ApiClient who, String body) {
        return who.post("/api/billing/ledger", body, CSV);
    }

    @Test
    @DisplayName("an imported export is the customer's billing: balance, overdue part, bills, payments, readings, and a jump")
    void importAndRead() {
        String account = "66" + ACCOUNTS.incrementAndGet();
        long id = customer(account);

        ApiResponse imported = upload(supervisor, HEADER + account(account, 42, 3));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().getInteger("imported")).isEqualTo(1 + 6 + 3 + 6);
        assertThat(imported.json().getInteger("accounts")).isEqualTo(1);

        JsonObject billing = agent.get("/api/customers/" + id + "/billing").json();
        assertThat(billing.getString("status")).isEqualTo("known");
        JsonObject statement = billing.getJsonObject("statement");
        // unpaid: two bills of 35.00 past due, and the latest (147.00) not yet due
        assertThat(statement.getString("balance")).isEqualTo("217.00");
        assertThat(billing.getString("overdue")).isEqualTo("70.00");
        assertThat(statement.getJsonArray("bills")).hasSize(6);
        assertThat(statement.getJsonArray("bills").getJsonObject(0).getString("consumption")).isEqualTo("42.00");
        assertThat(statement.getJsonArray("payments")).hasSize(3);
        assertThat(statement.getJsonArray("readings").getJsonObject(2).getBoolean("estimated")).isTrue();
        assertThat(billing.getJsonObject("jump").getString("ratio")).isEqualTo("4.2");
    }

    @Test
    @DisplayName("a bad amount and a bad date are refused naming row and field, and nothing of the file is imported")
    void badRowsImportNothing() {
        String account = "66" + ACCOUNTS.incrementAndGet();
        long id = customer(account);
        assertThat(upload(supervisor, HEADER + account(account, 10, 0)).status()).isEqualTo(200);
        String other = "66" + ACCOUNTS.incrementAndGet();

        // a second import: a good new account, then this account again with two bad rows
        String good = account(other, 10, 0);
        String bad = account(account, 10, 1).replaceFirst(",35\\.00,,,,,", ",35.OO,,,,,").replaceFirst(
                "reading," + account + ",,,,,,,,,," + TODAY.getYear(), "reading," + account + ",,,,,,,,,,31/12/");
        ApiResponse refused = upload(supervisor, HEADER + good + bad);

        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        JsonObject report = refused.json();
        assertThat(report.getInteger("imported")).isZero();
        assertThat(report.getInteger("errorCount")).isGreaterThanOrEqualTo(2);
        assertThat(report.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
                .containsExactly("amount", "readOn");
        assertThat(report.getJsonArray("errors").getJsonObject(0).getInteger("row")).isGreaterThan(2);
        // the account keeps what the first import gave it; the good account of the bad file is not there
        assertThat(agent.get("/api/customers/" + id + "/billing").json().getJsonObject("statement")
                .getString("balance")).isEqualTo("0.00");
        assertThat(agent.get("/api/customers/" + customer(other) + "/billing").json().getString("status"))
                .isEqualTo("unknown_account");
    }

    @Test
    @DisplayName("an account with rows but no account row, a repeated month and an unknown record are each named")
    void structuralErrors() {
        String account = "66" + ACCOUNTS.incrementAndGet();
        String file = HEADER + account(account, 10, 0).lines().skip(1).reduce("", (a, b) -> a + b + "\n")
                + "bill," + account + ",,," + YearMonth.from(TODAY).minusMonths(1) + "," + TODAY + "," + TODAY + ",1,3.50,,,,,\n"
                + "invoice," + account + ",,,,,,,,,,,,\n";

        JsonObject report = upload(supervisor, file).json();

        assertThat(report.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
                .containsExactlyInAnyOrder("period", "record", "record");
        assertThat(report.encode()).contains("no account row", "already");
    }

    @Test
    @DisplayName("a re-import replaces the account's rows; another account in the ledger is left alone")
    void reimportReplaces() {
        String first = "66" + ACCOUNTS.incrementAndGet();
        String second = "66" + ACCOUNTS.incrementAndGet();
        long firstId = customer(first);
        long secondId = customer(second);
        upload(supervisor, HEADER + account(first, 10, 2) + account(second, 10, 1));

        upload(supervisor, HEADER + account(first, 10, 0));

        assertThat(agent.get("/api/customers/" + firstId + "/billing").json().getJsonObject("statement")
                .getJsonArray("payments")).hasSize(6);
        assertThat(agent.get("/api/customers/" + secondId + "/billing").json().getJsonObject("statement")
                .getString("balance")).isEqualTo("35.00");
    }

    @Test
    @DisplayName("only supervisors upload, only CSV; an unknown customer is 404, a header with a stranger column 422")
    void refusals() {
        assertThat(upload(agent, HEADER).status()).isEqualTo(403);
        assertThat(supervisor.post("/api/billing/ledger", "{}", Map.of("Content-Type", "application/json")).status())
                .isEqualTo(415);
        assertThat(agent.get("/api/customers/999999/billing").status()).isEqualTo(404);
        ApiResponse stranger = upload(supervisor, "record,accountNumber,colour\n");
        assertThat(stranger.status()).isEqualTo(422);
        assertThat(stranger.json().getString("field")).isEqualTo("body");
    }
}
