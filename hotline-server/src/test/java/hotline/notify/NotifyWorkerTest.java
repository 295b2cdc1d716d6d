package hotline.notify;

import hotline.testing.WorkflowFixture;
import hotline.ticket.Channel;
import hotline.ticket.Ticket;
import hotline.ticket.TicketDraft;
import hotline.ticket.TicketType;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.vertx.core.Future.await;
import static org.assertj.core.api.Assertions.assertThat;

class NotifyWorkerTest {

    /** 10:00 in Shanghai: outside the quiet hours. */
    private static final Instant DAY = Instant.parse("2026-11-30T02:00:00Z");
    private static final String MOBILE = "13800138000";

    private Vertx far;
    private Far endpoints;
    private WorkflowFixture fixture;

    @BeforeEach
    void start() {
        far = Vertx.vertx();
        endpoints = new Far(far);
        fixture = new WorkflowFixture(DAY, settings());
    }

    @AfterEach
    void stop() {
        fixture.close();
        endpoints.close();
        await(far.close());
    }

    private JsonObject settings() {
        JsonObject settings = endpoints.settings();
        settings.getJsonObject("notify").put("maxAttempts", 2).put("retryFirstSeconds", 60).put("batchSize", 25);
        return settings;
    }

    private NotifyWorker worker() {
        return fixture.module.notices().worker();
    }

    private long customer(String email, String language, boolean smsOptOut, String... phones) {
        long id = fixture.customer("ordinary", false, "D01");
        for (int i = 0; i < phones.length; i++) {
            fixture.query("INSERT INTO customer_phones (customer_id, phone, position) VALUES ($1, $2, $3)", id, phones[i], i);
        }
        fixture.query("INSERT INTO notify_contacts (customer_id, email, language, sms_opt_out, updated_by, updated_at) "
                + "VALUES ($1, $2, $3, $4, 'test', now())", id, email, language, smsOptOut);
        return id;
    }

    private Ticket ticketOf(long customerId) {
        return fixture.create(new TicketDraft(TicketType.INQUIRY, Channel.PHONE, null, false, customerId, null,
                "water bill question", null, null, null, null, null));
    }

    private Map<String, Row> deliveries() {
        return fixture.query("SELECT channel, status, attempts, last_error, address, id FROM notice_deliveries").stream()
                .collect(Collectors.toMap(row -> row.getString("channel"), Function.identity()));
    }

    @Test
    @DisplayName("a new ticket tells its customer by e-mail and SMS, in Chinese, with the number, the expected time and the delivery id for the far side")
    void ticketReceivedOnBothChannels() {
        long customer = customer("wang@water.example", "zh", false, MOBILE);
        Ticket ticket = ticketOf(customer);

        NotifyWorker.Round round = await(worker().roundOnce());

        assertThat(round.planned()).isEqualTo(1);
        assertThat(round.sent()).isEqualTo(2);
        Map<String, Row> rows = deliveries();
        assertThat(rows.values()).allSatisfy(row -> assertThat(row.getString("status")).isEqualTo("sent"));
        MimeMessage mail = endpoints.mails().getFirst();
        assertThat(Far.messageId(mail)).isEqualTo("<notice-delivery-" + rows.get("email").getLong("id") + "@hotline.localdomain>");
        assertThat(Far.text(mail)).contains("已受理您的工单 " + ticket.number()).contains("预计在 ");
        JsonObject sms = endpoints.sms.getFirst();
        assertThat(sms.getString("reference")).isEqualTo(rows.get("sms").getLong("id").toString());
        assertThat(sms.getString("to")).isEqualTo(MOBILE);
        assertThat(sms.getString("text")).startsWith("【供水热线】已受理工单" + ticket.number());
    }

    @Test
    @DisplayName("a customer who chose English is written to in English")
    void english() throws Exception {
        ticketOf(customer("smith@water.example", "en", false, MOBILE));

        await(worker().roundOnce());

        assertThat(endpoints.mails().getFirst().getSubject()).startsWith("[Water hotline] Ticket HL-");
        assertThat(endpoints.sms.getFirst().getString("text")).startsWith("[Water hotline] Ticket HL-");
    }

    @Test
    @DisplayName("at night a non-urgent notice waits for 08:00 local time, while an urgent one (supply restored) goes at once")
    void quietHours() {
        fixture.clock.set(Instant.parse("2026-11-30T15:00:00Z")); // 23:00 in Shanghai
        long customer = customer(null, "zh", false, MOBILE);
        ticketOf(customer);
        await(fixture.pool.withTransaction(tx -> Notices.queue(tx, new Notice(NoticeKind.SUPPLY_RESTORED, customer, null,
                null, new JsonObject().put("area", "东区"), "outage:1:restored"), fixture.clock.instant())));

        NotifyWorker.Round night = await(worker().roundOnce());

        assertThat(night.sent()).isEqualTo(1);
        assertThat(endpoints.sms.getFirst().getString("text")).contains("东区已恢复供水");
        assertThat(fixture.query("SELECT next_attempt_at FROM notice_deliveries WHERE status = 'queued'").getFirst()
                .getOffsetDateTime("next_attempt_at").toInstant()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        fixture.clock.set(Instant.parse("2026-11-30T23:59:00Z"));
        assertThat(await(worker().roundOnce()).claimed()).isZero();
        fixture.clock.set(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(await(worker().roundOnce()).sent()).isEqualTo(1);
        assertThat(endpoints.sms).hasSize(2);
    }

    @Test
    @DisplayName("a customer who opted out of SMS gets no ticket SMS (skipped, with why) but still the e-mail, and a safety notice by SMS too")
    void optOutExceptSafety() {
        long customer = customer("li@water.example", "zh", true, MOBILE);
        ticketOf(customer);
        await(worker().roundOnce());
        assertThat(deliveries().get("sms").getString("status")).isEqualTo("skipped");
        assertThat(deliveries().get("sms").getString("last_error")).contains("opted out");
        assertThat(endpoints.sms).isEmpty();
        assertThat(endpoints.mails()).hasSize(1);

        await(fixture.pool.withTransaction(tx -> Notices.queue(tx, new Notice(NoticeKind.OUTAGE_NOTICE, customer, null, null,
                new JsonObject().put("area", "东区").put("startsAt", "2026-12-02T01:00:00Z")
                        .put("endsAt", "2026-12-02T09:00:00Z").put("reason", "管道改造"), "outage:9:notice"), DAY)));
        await(worker().roundOnce());

        assertThat(endpoints.sms).hasSize(1);
        assertThat(endpoints.sms.getFirst().getString("text")).contains("2026-12-02 09:00至2026-12-02 17:00停水");
    }

    @Test
    @DisplayName("an invalid e-mail address or a landline fails that one delivery with a reason; the ticket is stored and the other channel sent")
    void invalidAddressFailsAlone() {
        long customer = customer("not-an-address", "zh", false, MOBILE);
        Ticket ticket = ticketOf(customer);
        long landline = customer(null, "zh", false, "057187654321");
        ticketOf(landline);

        await(worker().roundOnce());

        assertThat(await(fixture.tickets.get(ticket.id())).ticket().number()).isEqualTo(ticket.number());
        List<Row> rows = fixture.query("SELECT n.customer_id, d.channel, d.status, d.last_error FROM notice_deliveries d "
                + "JOIN notices n ON n.id = d.notice_id ORDER BY d.id");
        assertThat(rows).extracting(row -> row.getLong("customer_id") + " " + row.getString("channel") + " "
                + row.getString("status") + " " + row.getString("last_error"))
                .containsExactlyInAnyOrder(customer + " sms sent null", customer + " email failed invalid e-mail address",
                        landline + " sms failed no mobile number (SMS cannot reach 057187654321)");
        assertThat(endpoints.mails()).isEmpty();
    }

    @Test
    @DisplayName("a gateway error is retried after the backoff and given up after the last attempt, with the gateway's answer")
    void retriesThenGivesUp() {
        endpoints.failing.add(MOBILE);
        ticketOf(customer(null, "zh", false, MOBILE));

        await(worker().roundOnce());
        Row first = deliveries().get("sms");
        assertThat(first.getString("status")).isEqualTo("queued");
        assertThat(first.getString("last_error")).startsWith("SMS gateway 500");
        fixture.clock.advance(Duration.ofSeconds(59));
        assertThat(await(worker().roundOnce()).claimed()).isZero();
        fixture.clock.advance(Duration.ofSeconds(1));
        await(worker().roundOnce());

        Row last = deliveries().get("sms");
        assertThat(last.getString("status")).isEqualTo("given_up");
        assertThat(last.getInteger("attempts")).isEqualTo(2);
    }

    @Test
    @DisplayName("two workers on one database claim disjoint batches at once: each of 60 messages reaches the gateway once")
    void twoWorkersShare() {
        for (int i = 0; i < 60; i++) {
            ticketOf(customer(null, "zh", false, String.format("139%08d", i)));
        }
        try (WorkflowFixture other = fixture.second(settings())) {
            while (await(worker().planOnce()) > 0) {
                // plans every notice first, so both workers find the 60 deliveries due
            }
            NotifyWorker a = worker();
            NotifyWorker b = other.module.notices().worker();
            var one = a.sendOnce();
            var two = b.sendOnce();
            await(io.vertx.core.Future.all(one, two));
            assertThat(one.result().claimed() + two.result().claimed()).isEqualTo(50);
            await(a.sendOnce());
            await(b.sendOnce());
        }
        assertThat(endpoints.sms).hasSize(60);
        assertThat(endpoints.sms.stream().map(m -> m.getString("reference")).distinct()).hasSize(60);
        assertThat(fixture.query("SELECT count(*) AS n FROM notice_deliveries WHERE status = 'sent'").getFirst()
                .getLong("n")).isEqualTo(60);
    }

    @Test
    @DisplayName("a worker stopped mid-sending finishes and records its batch: a second worker sends the rest, nothing twice")
    void restartSendsNothingTwice() {
        for (int i = 0; i < 120; i++) {
            ticketOf(customer(null, "zh", false, String.format("137%08d", i)));
        }
        worker().start(Duration.ofMillis(10));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (endpoints.sms.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        await(worker().stop());
        int before = endpoints.sms.size();
        assertThat(before).isBetween(1, 119);
        assertThat(fixture.query("SELECT count(*) AS n FROM notice_deliveries WHERE claimed_by IS NOT NULL")
                .getFirst().getLong("n")).isZero();

        try (WorkflowFixture other = fixture.second(settings())) {
            NotifyWorker next = other.module.notices().worker();
            while (await(next.roundOnce()).claimed() > 0 || (long) fixture.query(
                    "SELECT count(*) AS n FROM notices WHERE planned_at IS NULL").getFirst().getLong("n") > 0) {
                // drain
            }
        }
        assertThat(endpoints.sms.stream().map(m -> m.getString("reference")).distinct()).hasSize(120);
        assertThat(endpoints.sms).hasSize(120);
    }

    @Test
    @DisplayName("a sender that died between sending and recording leaves its claim: after the lease the message goes again under the same reference")
    void crashResendsUnderTheSameReference() {
        ticketOf(customer(null, "zh", false, MOBILE));
        await(worker().planOnce());
        // A worker that sends but never records: its gateway takes the message and never answers.
        String claimed = "dead-worker";
        fixture.query("UPDATE notice_deliveries SET claimed_by = $1, next_attempt_at = $2, attempts = 1", claimed,
                fixture.clock.instant().plus(Duration.ofMinutes(2)).atOffset(java.time.ZoneOffset.UTC));

        assertThat(await(worker().roundOnce()).claimed()).isZero();
        fixture.clock.advance(Duration.ofMinutes(2));
        await(worker().roundOnce());

        Row row = deliveries().get("sms");
        assertThat(row.getString("status")).isEqualTo("sent");
        assertThat(row.getInteger("attempts")).isEqualTo(2);
        assertThat(endpoints.sms.getFirst().getString("reference")).isEqualTo(row.getLong("id").toString());
    }
}
