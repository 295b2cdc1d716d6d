package hotline;

import hotline.auth.NewUser;
import hotline.auth.PasswordPolicy;
import hotline.customer.CustomerDraft;
import hotline.customer.CustomerService;
import hotline.http.ApiVerticle;
import hotline.search.SearchRequest;
import hotline.sla.BoardFilter;
import hotline.ticket.TicketDraft;
import hotline.ticket.TicketFilter;
import hotline.ticket.TicketNumber;
import hotline.ticket.TicketService;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract is what clients read, so its limits are the authority; the domain types state them again as Java
 * constants because they validate input that never passes the contract (IVR, CSV import, the services called
 * directly). This test holds each pair together: change one without the other and it names both.
 */
class ContractLimitsTest {

    private static final Vertx VERTX = Vertx.vertx();
    private static JsonObject contract;

    @BeforeAll
    static void load() {
        contract = OpenAPIContract.from(VERTX, ApiVerticle.CONTRACT).await().getRawContract();
    }

    @AfterAll
    static void close() {
        VERTX.close().await();
    }

    @Test
    @DisplayName("the ticket limits of the contract are the ones TicketDraft, TicketFilter and TicketService enforce")
    void tickets() {
        SoftAssertions soft = new SoftAssertions();
        for (String schema : new String[] {"TicketDraft", "TicketPatch"}) {
            check(soft, property(schema, "subject"), "maxLength", TicketDraft.SUBJECT_MAX);
            check(soft, property(schema, "description"), "maxLength", TicketDraft.DESCRIPTION_MAX);
            check(soft, property(schema, "location"), "maxLength", TicketDraft.LOCATION_MAX);
            check(soft, property(schema, "district"), "maxLength", TicketDraft.DISTRICT_MAX);
            check(soft, property(schema, "category"), "maxLength", TicketDraft.CATEGORY_MAX);
        }
        check(soft, schema("CallerNumber"), "maxLength", TicketDraft.CALLER_NUMBER_MAX);
        check(soft, parameter("/tickets", "post", "Idempotency-Key"), "maxLength", TicketService.MAX_KEY_LENGTH);
        check(soft, parameter("/tickets", "get", "size"), "maximum", TicketFilter.MAX_SIZE);
        check(soft, parameter("/tickets", "get", "size"), "default", TicketFilter.DEFAULT_SIZE);
        soft.assertThat(schema("TicketNumber").getString("pattern")).as("TicketNumber pattern")
                .isEqualTo(TicketNumber.PATTERN);
        soft.assertAll();
    }

    @Test
    @DisplayName("the customer limits of the contract are the ones CustomerDraft and CustomerService enforce")
    void customers() {
        SoftAssertions soft = new SoftAssertions();
        for (String schema : new String[] {"CustomerDraft", "CustomerPatch"}) {
            check(soft, property(schema, "name"), "maxLength", CustomerDraft.NAME_MAX);
            check(soft, property(schema, "address"), "maxLength", CustomerDraft.ADDRESS_MAX);
            check(soft, property(schema, "district"), "maxLength", CustomerDraft.DISTRICT_MAX);
            check(soft, property(schema, "notes"), "maxLength", CustomerDraft.NOTES_MAX);
        }
        check(soft, property("CustomerDraft", "tierReason"), "maxLength", CustomerDraft.REASON_MAX);
        check(soft, schema("Phones"), "maxItems", CustomerDraft.MAX_PHONES);
        String account = "^[0-9]{" + CustomerDraft.ACCOUNT_MIN_DIGITS + "," + CustomerDraft.ACCOUNT_MAX_DIGITS + "}$";
        soft.assertThat(property("CustomerDraft", "accountNumber").getString("pattern")).as("accountNumber pattern")
                .isEqualTo(account);
        soft.assertThat(parameter("/customers", "get", "account").getString("pattern")).as("account parameter")
                .isEqualTo(account);
        check(soft, parameter("/customers", "get", "size"), "maximum", CustomerService.MAX_PAGE_SIZE);
        check(soft, parameter("/customers", "get", "size"), "default", CustomerService.DEFAULT_PAGE_SIZE);
        soft.assertAll();
    }

    @Test
    @DisplayName("the user limits of the contract are the ones NewUser enforces")
    void users() {
        SoftAssertions soft = new SoftAssertions();
        check(soft, property("NewUser", "displayName"), "maxLength", NewUser.MAX_DISPLAY_NAME);
        check(soft, property("UserChanges", "displayName"), "maxLength", NewUser.MAX_DISPLAY_NAME);
        for (String schema : new String[] {"NewUser", "UserChanges"}) {
            check(soft, property(schema, "password"), "minLength", PasswordPolicy.MIN_LENGTH);
            check(soft, property(schema, "password"), "maxLength", NewUser.MAX_PASSWORD);
        }
        check(soft, property("LoginRequest", "password"), "maxLength", NewUser.MAX_PASSWORD);
        soft.assertThat(schema("Username").getString("pattern")).as("Username pattern")
                .isEqualTo("^" + NewUser.USERNAME.pattern() + "$");
        soft.assertThat(schema("PhoneInterface").getString("pattern")).as("PhoneInterface pattern")
                .isEqualTo("^" + NewUser.PHONE_INTERFACE.pattern() + "$");
        soft.assertAll();
    }

    @Test
    @DisplayName("the search limits of the contract are the ones SearchRequest enforces")
    void search() {
        SoftAssertions soft = new SoftAssertions();
        check(soft, parameter("/search", "get", "q"), "maxLength", SearchRequest.MAX_TEXT);
        check(soft, parameter("/search", "get", "size"), "maximum", SearchRequest.MAX_SIZE);
        check(soft, parameter("/search", "get", "size"), "default", SearchRequest.DEFAULT_SIZE);
        // With one hit a page, the deepest page is the last within MAX_DEPTH.
        check(soft, parameter("/search", "get", "page"), "maximum", SearchRequest.MAX_DEPTH - 1);
        soft.assertAll();
    }

    @Test
    @DisplayName("the SLA board's limits of the contract are the ones BoardFilter enforces")
    void slaBoard() {
        SoftAssertions soft = new SoftAssertions();
        check(soft, parameter("/sla/board", "get", "size"), "maximum", BoardFilter.MAX_SIZE);
        check(soft, parameter("/sla/board", "get", "size"), "default", BoardFilter.DEFAULT_SIZE);
        check(soft, parameter("/sla/board", "get", "page"), "maximum", BoardFilter.MAX_PAGE);
        check(soft, parameter("/sla/board", "get", "district"), "maxLength", BoardFilter.MAX_DISTRICT);
        check(soft, schema("OwnerKey"), "maxLength", BoardFilter.MAX_OWNER);
        soft.assertAll();
    }

    private static void check(SoftAssertions soft, JsonObject schema, String keyword, int java) {
        soft.assertThat(schema.getInteger(keyword)).as("%s of %s", keyword, schema.encode()).isEqualTo(java);
    }

    private static JsonObject schema(String name) {
        return contract.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
    }

    private static JsonObject property(String schema, String name) {
        return schema(schema).getJsonObject("properties").getJsonObject(name);
    }

    private static JsonObject parameter(String path, String method, String name) {
        return contract.getJsonObject("paths").getJsonObject(path).getJsonObject(method).getJsonArray("parameters")
                .stream().map(JsonObject.class::cast).filter(p -> name.equals(p.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no parameter " + name + " of " + method + " " + path))
                .getJsonObject("schema");
    }
}
