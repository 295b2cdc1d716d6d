package hotline.customer;

import hotline.auth.Principal;
import hotline.auth.Role;
import hotline.common.ConflictException;
import hotline.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.vertx.core.Future.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service as the ticket service and the IVR call it, on a database of its own. */
class CustomerServiceTest {

    private static final Principal AGENT = new Principal(1, "agent1", "Agent One", Role.AGENT);
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static Vertx vertx;
    private static Pool pool;
    private static CustomerService customers;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        pool = PgBuilder.pool().connectingTo(TestDatabase.fresh().connectOptions()).using(vertx).build();
        TierRules rules = new TierRules(Tier.ORDINARY, List.of(new TierRule("tiny", java.util.Set.of(),
                java.util.Set.of(), null, java.math.BigDecimal.ONE, Tier.SMALL)));
        customers = new CustomerService(vertx, pool, rules, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        await(pool.close());
        await(vertx.close());
    }

    private static Customer create(String account, String... phones) {
        return await(customers.create(CustomerDraft.fromJson(new JsonObject().put("accountNumber", account)
                .put("name", "户主 " + account).put("phones", new io.vertx.core.json.JsonArray(List.of((Object[]) phones)))
                .put("waterUse", "residential").put("kind", "individual").put("monthlyConsumption", 0.5)), AGENT));
    }

    @Test
    @DisplayName("a caller number in any spelling finds every customer sharing it, and an unknown or invalid one none")
    void findByPhone() {
        Customer flat = create("300100", "0571-8765 0001", "13800000001");
        Customer shop = create("300101", "+86 571 8765 0001");

        assertThat(await(customers.findByPhone("057187650001"))).extracting(Customer::id)
                .containsExactly(flat.id(), shop.id());
        assertThat(await(customers.findByPhone("(0571) 8765-0001"))).extracting(Customer::id)
                .containsExactly(flat.id(), shop.id());
        assertThat(await(customers.findByPhone("+86 138 0000 0001"))).extracting(Customer::id).containsExactly(flat.id());
        assertThat(await(customers.findByPhone("13999999999"))).isEmpty();
        assertThat(await(customers.findByPhone("anonymous"))).isEmpty();
        assertThat(flat.tier()).isEqualTo(Tier.SMALL);
        assertThat(flat.createdAt()).isEqualTo(NOW);
    }

    @Test
    @DisplayName("find by account returns the one customer, and a second create with the account is a conflict")
    void findByAccount() {
        Customer customer = create("300200", "13800000002");

        assertThat(await(customers.findByAccount("300200"))).contains(customer);
        assertThat(await(customers.findByAccount("300299"))).isEmpty();
        assertThatThrownBy(() -> create("300200", "13800000003")).isInstanceOf(ConflictException.class);
    }
}
