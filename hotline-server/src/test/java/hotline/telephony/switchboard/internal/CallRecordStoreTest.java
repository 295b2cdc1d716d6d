package hotline.telephony.switchboard.internal;

import hotline.auth.Principal;
import hotline.telephony.switchboard.CallDisposition;
import hotline.telephony.switchboard.CallRecord;
import hotline.testing.TestDatabase;
import hotline.ticket.Channel;
import hotline.ticket.Ticket;
import hotline.ticket.TicketDraft;
import hotline.ticket.TicketService;
import hotline.ticket.TicketType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Call records on the real PostgreSQL: the tickets a call names by number are linked through the ticket service. */
class CallRecordStoreTest {

    private static Vertx vertx;
    private static TicketService tickets;
    private static CallRecordStore store;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        Pool pool = PgBuilder.pool().connectingTo(TestDatabase.fresh().connectOptions()).using(vertx).build();
        tickets = new TicketService(vertx, pool, Clock.systemUTC(), ZoneId.of("Asia/Shanghai"), new SimpleMeterRegistry());
        store = new CallRecordStore(pool, Clock.systemUTC(), tickets);
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    private static CallRecord answered(String uniqueid, List<String> ticketNumbers) {
        Instant start = Instant.parse("2026-11-23T08:00:00Z");
        return new CallRecord(uniqueid, "13800138000", "96655", start, start.plusSeconds(12), start.plusSeconds(107),
                "identify>agent", "hotline", 12, 95, 20, "PJSIP/agent1", CallDisposition.ANSWERED, null, null,
                ticketNumbers, null, null);
    }

    @Test
    @DisplayName("a finished call is linked to the tickets it names and lists their numbers; a number no ticket has links nothing")
    void linksTicketsByNumber() {
        // given two tickets
        Ticket first = tickets.create(inquiry("水费咨询"), Principal.system("test"), Optional.empty()).await();
        Ticket second = tickets.create(inquiry("停水时间"), Principal.system("test"), Optional.empty()).await();

        // when a call naming both and an unknown number is stored, twice (a resync sees it again)
        CallRecordStore.Finished call = new CallRecordStore.Finished(answered("1700000900.91",
                List.of(second.number(), "HL-20000101-999999", first.number())), null);
        store.saveAll(List.of(call)).await();
        store.saveAll(List.of(call)).await();

        // then each ticket lists the call once, with the known numbers in order
        assertThat(store.ofTicket(first.id(), 10).await()).singleElement().satisfies(record ->
                assertThat(record.ticketNumbers()).containsExactly(first.number(), second.number()));
        assertThat(store.ofTicket(second.id(), 10).await()).extracting(CallRecord::uniqueid)
                .containsExactly("1700000900.91");
    }

    @Test
    @DisplayName("a call that names no ticket is stored with none")
    void noTicket() {
        store.saveAll(List.of(new CallRecordStore.Finished(answered("1700000900.92", List.of()), null))).await();

        assertThat(store.recent(10).await()).filteredOn(record -> record.uniqueid().equals("1700000900.92"))
                .singleElement().satisfies(record -> assertThat(record.ticketNumbers()).isEmpty());
    }

    private static TicketDraft inquiry(String subject) {
        return new TicketDraft(TicketType.INQUIRY, Channel.PHONE, null, false, null, "13800138000", subject, "", null,
                null, null, null);
    }
}
