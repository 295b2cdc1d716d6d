package hotline.sla;

import hotline.testing.WorkflowFixture;
import hotline.ticket.Channel;
import hotline.ticket.Ticket;
import hotline.ticket.TicketDraft;
import hotline.ticket.TicketType;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SlaBatchTest {

    private final WorkflowFixture fixture = new WorkflowFixture(Instant.parse("2026-11-23T02:00:00Z"), new JsonObject());

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    @DisplayName("tickets created in one shared transaction each get the due times of their own customer's tier")
    void eachTicketOfABatchGetsItsCustomersTier() {
        long key = fixture.customer("key", false, "D1");
        long small = fixture.customer("small", false, "D1");
        long hospital = fixture.customer("ordinary", true, "D1");
        Long[] customers = {small, null, key, hospital, small, key};

        List<Ticket> created = createTogether(Arrays.stream(customers).map(id -> new TicketDraft(TicketType.COMPLAINT,
                Channel.PHONE, null, false, id, null, "complaint", null, null, null, null, null)).toList());

        List<String> tiers = new ArrayList<>();
        List<Boolean> critical = new ArrayList<>();
        for (Ticket ticket : created) {
            var row = fixture.query("SELECT tier, critical_facility FROM ticket_sla WHERE ticket_id = $1", ticket.id())
                    .getFirst();
            tiers.add(row.getString("tier"));
            critical.add(row.getBoolean("critical_facility"));
        }
        assertThat(tiers).containsExactly("small", "ordinary", "key", "ordinary", "small", "key");
        assertThat(critical).containsExactly(false, false, false, true, false, false);
    }

    /** Submits every draft in one event-loop turn, so they share one transaction. */
    private List<Ticket> createTogether(List<TicketDraft> drafts) {
        Promise<List<Ticket>> all = Promise.promise();
        fixture.vertx.getOrCreateContext().runOnContext(v -> Future.all(drafts.stream()
                        .map(draft -> fixture.tickets.create(draft, WorkflowFixture.AGENT, Optional.empty())).toList())
                .map(done -> done.<Ticket>list()).onComplete(all));
        return all.future().await();
    }
}
