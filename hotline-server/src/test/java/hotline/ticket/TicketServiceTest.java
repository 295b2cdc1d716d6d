package hotline.ticket;

import hotline.auth.Principal;
import hotline.common.ConflictException;
import hotline.common.InvalidInputException;
import hotline.common.NotFoundException;
import hotline.store.DbEndpoint;
import hotline.testing.MovableClock;
import hotline.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static io.vertx.core.Future.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketServiceTest {

    /** 17:00 UTC is already the next day in Shanghai. */
    private static final Instant NOW = Instant.parse("2026-11-23T17:00:00Z");
    private static final Principal AGENT = Principal.system("agent-test");

    private DbEndpoint database;
    private Vertx vertx;
    private Pool pool;
    private SimpleMeterRegistry meters;
    private TicketService tickets;

    @BeforeEach
    void start() {
        database = TestDatabase.fresh();
        vertx = Vertx.vertx();
        pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(database.connectOptions())
                .using(vertx).build();
        meters = new SimpleMeterRegistry();
        tickets = new TicketService(vertx, pool, Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"),
                meters);
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    @Test
    @DisplayName("numbers are HL-<date in Shanghai>-<6 digits>, one per ticket, in order")
    void numbersFollowTheFormat() {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            numbers.add(create(TicketDraft.of(TicketType.INQUIRY, Channel.PHONE, "q" + i)).number());
        }

        assertThat(numbers).allMatch(number -> number.matches("HL-20261124-\\d{6}"));
        assertThat(numbers).containsExactly("HL-20261124-000001", "HL-20261124-000002", "HL-20261124-000003",
                "HL-20261124-000004", "HL-20261124-000005");
    }

    @Test
    @DisplayName("the millionth ticket of a day is HL-<date>-1000000: the serial widens, it never wraps")
    void serialWidensPastSixDigits() {
        create(TicketDraft.of(TicketType.INQUIRY, Channel.PHONE, "first of the day"));
        // As if the day had already given 999,998 serials.
        await(pool.query("SELECT setval('ticket_number_seq', base + 999998) FROM ticket_number_days "
                + "WHERE day = '2026-11-24'").execute());

        Ticket last = create(TicketDraft.of(TicketType.INQUIRY, Channel.PHONE, "999,999th"));
        Ticket next = create(TicketDraft.of(TicketType.INQUIRY, Channel.PHONE, "1,000,000th"));

        assertThat(last.number()).isEqualTo("HL-20261124-999999");
        assertThat(next.number()).isEqualTo("HL-20261124-1000000");
        assertThat(TicketNumber.parse(next.number())).contains(new TicketNumber(LocalDate.of(2026, 11, 24), 1_000_000));
    }

    @Test
    @DisplayName("serials start again at 000001 at midnight in Shanghai, not at midnight UTC")
    void serialsRestartAtMidnightInTheUtilitysZone() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-24T15:59:59Z"));
        TicketService service = new TicketService(vertx, pool, clock, ZoneId.of("Asia/Shanghai"), meters);
        IntFunction<String> createNumber = i -> await(service.create(
                TicketDraft.of(TicketType.REPAIR, Channel.PHONE, "leak " + i), AGENT, Optional.empty())).number();

        String beforeMidnight = createNumber.apply(1);
        String lateToo = createNumber.apply(2);
        clock.set(Instant.parse("2026-11-24T16:00:00Z"));
        String afterMidnight = createNumber.apply(3);
        clock.set(Instant.parse("2026-11-25T00:00:00Z"));
        String atMidnightUtc = createNumber.apply(4);

        assertThat(List.of(beforeMidnight, lateToo, afterMidnight, atMidnightUtc)).containsExactly(
                "HL-20261124-000001", "HL-20261124-000002", "HL-20261125-000001", "HL-20261125-000002");
    }

    @Test
    @DisplayName("servers racing for a day's first tickets share one count: 000001 to 000040, none twice, none skipped")
    void racingServersShareTheDaysCount() {
        List<Future<Ticket>> all = new ArrayList<>();
        for (int server = 0; server < 4; server++) {
            TicketService service = new TicketService(vertx, pool, Clock.fixed(NOW, ZoneOffset.UTC),
                    ZoneId.of("Asia/Shanghai"), meters);
            // Listeners keep each batch's transaction open a while, so the first one still holds the new day's row.
            service.addListener(new TicketListener() {
                @Override
                public Future<Void> onCreated(io.vertx.sqlclient.SqlConnection tx, List<Ticket> created) {
                    return tx.query("SELECT pg_sleep(0.05)").execute().mapEmpty();
                }
            });
            Promise<List<Future<Ticket>>> submitted = Promise.promise();
            vertx.getOrCreateContext().runOnContext(v -> submitted.complete(IntStream.range(0, 10)
                    .mapToObj(i -> service.create(TicketDraft.of(TicketType.REPAIR, Channel.IVR, "burst"), AGENT,
                            Optional.empty())).toList()));
            all.addAll(await(submitted.future()));
        }
        await(Future.all(all));

        List<String> expected = IntStream.rangeClosed(1, 40)
                .mapToObj(serial -> new TicketNumber(LocalDate.of(2026, 11, 24), serial).toString()).toList();
        assertThat(all.stream().map(f -> f.result().number())).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    @DisplayName("a rolled-back create burns its number: the next ticket never reuses it")
    void numberNeverReusedAfterRollback() {
        Ticket first = create(TicketDraft.of(TicketType.REPAIR, Channel.PHONE, "leak"));
        tickets.addListener(new TicketListener() {
            private boolean failed;

            @Override
            public Future<Void> onCreated(io.vertx.sqlclient.SqlConnection tx, Ticket created) {
                if (!failed) {
                    failed = true;
                    return Future.failedFuture(new IllegalStateException("listener refuses"));
                }
                return Future.succeededFuture();
            }
        });

        assertThatThrownBy(() -> create(TicketDraft.of(TicketType.REPAIR, Channel.PHONE, "burst")))
                .hasMessageContaining("listener refuses");
        Ticket third = create(TicketDraft.of(TicketType.REPAIR, Channel.PHONE, "pressure"));

        assertThat(first.number()).endsWith("-000001");
        assertThat(third.number()).endsWith("-000003");
        assertThat(count("SELECT count(*) FROM tickets")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM ticket_events")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM outbox")).isEqualTo(2);
    }

    @Test
    @DisplayName("a new ticket starts in its type's initial status with a created event, an outbox row and a count")
    void createWritesTicketEventOutboxAndMetric() {
        Ticket ticket = create(new TicketDraft(TicketType.COMPLAINT, Channel.WEB, null, true, null, null,
                "rude crew", "desc", "loc", "Huangpu", "staff", new JsonObject().put("vent", new JsonObject())));

        assertThat(ticket.status()).isEqualTo(TicketStatus.VENT);
        assertThat(ticket.priority()).isEqualTo(Priority.HIGH);
        assertThat(ticket.version()).isEqualTo(1);
        assertThat(ticket.createdAt()).isEqualTo(NOW);
        TicketView view = await(tickets.get(ticket.id()));
        assertThat(view.ticket()).isEqualTo(ticket);
        assertThat(view.events()).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo("created");
            assertThat(event.actor()).isEqualTo("agent-test");
            assertThat(event.channel()).isEqualTo(Channel.WEB);
        });
        assertThat(count("SELECT count(*) FROM outbox WHERE topic = 'ticket' AND aggregate_id = " + ticket.id()))
                .isEqualTo(1);
        assertThat(meters.get(TicketService.CREATED_COUNTER).tag("type", "complaint").tag("channel", "web")
                .counter().count()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("after each commit a hint with id, number, action, status, type and district goes to hotline.tickets")
    void busHintAfterCommit() throws Exception {
        List<JsonObject> hints = new java.util.concurrent.CopyOnWriteArrayList<>();
        Promise<Void> both = Promise.promise();
        await(vertx.eventBus().<JsonObject>consumer(TicketService.BUS_ADDRESS, message -> {
            hints.add(message.body());
            if (hints.size() == 2) {
                both.complete();
            }
        }).completion());

        Ticket ticket = create(new TicketDraft(TicketType.REPAIR, Channel.PHONE, null, false, null, null, "leak", null,
                null, "Xuhui", null, null));
        await(tickets.change(ticket.id(), AGENT, Channel.PHONE, null,
                current -> new TicketChange("dispatch", current.withStatus(TicketStatus.DISPATCHED), null)));

        both.future().await(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(hints.getFirst()).isEqualTo(new JsonObject().put("id", ticket.id()).put("number", ticket.number())
                .put("action", "created").put("status", "reported").put("type", "repair").put("district", "Xuhui"));
        assertThat(hints.get(1).getString("action")).isEqualTo("dispatch");
        assertThat(hints.get(1).getString("status")).isEqualTo("dispatched");
    }

    @Test
    @DisplayName("a retry with the same idempotency key answers the first ticket and creates nothing")
    void idempotentRetry() {
        TicketDraft draft = TicketDraft.of(TicketType.REPAIR, Channel.PHONE, "leak");
        Ticket first = await(tickets.create(draft, AGENT, Optional.of("key-1")));
        Ticket again = await(tickets.create(draft, AGENT, Optional.of("key-1")));
        Ticket other = await(tickets.create(draft, AGENT, Optional.of("key-2")));

        assertThat(again).isEqualTo(first);
        assertThat(other.id()).isNotEqualTo(first.id());
        assertThat(count("SELECT count(*) FROM tickets")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM outbox")).isEqualTo(2);
    }

    @Test
    @DisplayName("two identical requests racing with one idempotency key make one ticket, both answered with it")
    void idempotentRace() {
        race("plain");
    }

    @Test
    @DisplayName("the idempotency race also makes one ticket when listeners join the transaction")
    void idempotentRaceWithListener() {
        tickets.addListener(new TicketListener() {
        });
        race("listened");
    }

    private void race(String prefix) {
        TicketDraft draft = TicketDraft.of(TicketType.REPAIR, Channel.PHONE, "leak");
        for (int round = 0; round < 10; round++) {
            String key = prefix + "-" + round;
            Future<Ticket> a = tickets.create(draft, AGENT, Optional.of(key));
            Future<Ticket> b = tickets.create(draft, AGENT, Optional.of(key));

            assertThat(await(a).id()).isEqualTo(await(b).id());
        }
        assertThat(count("SELECT count(*) FROM tickets")).isEqualTo(10);
    }

    @Test
    @DisplayName("an idempotency key over 100 characters or with a space is refused, naming the header")
    void badIdempotencyKey() {
        TicketDraft draft = TicketDraft.of(TicketType.REPAIR, Channel.PHONE, "leak");

        assertThatThrownBy(() -> await(tickets.create(draft, AGENT, Optional.of("k".repeat(101)))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("Idempotency-Key"));
        assertThatThrownBy(() -> await(tickets.create(draft, AGENT, Optional.of("a b"))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("a caller number matching exactly one customer's phone links that customer, in any spelling")
    void linksTheOneMatchingCustomer() {
        long customer = customer("100001", "13800138000");

        Ticket ticket = create(callerDraft("+86 138-0013-8000"));

        assertThat(ticket.customerId()).isEqualTo(customer);
        assertThat(ticket.callerNumber()).isEqualTo("+86 138-0013-8000");
        assertThat(create(callerDraft("0086 13800138000")).customerId()).isEqualTo(customer);
    }

    @Test
    @DisplayName("a caller number shared by several customers, or by none, leaves the ticket unlinked")
    void severalOrNoMatchesStayUnlinked() {
        customer("100001", "02155550000");
        customer("100002", "02155550000");

        assertThat(create(callerDraft("021-5555-0000")).customerId()).isNull();
        assertThat(create(callerDraft("13900000000")).customerId()).isNull();
    }

    @Test
    @DisplayName("an explicit customer id wins over the caller number; an unknown one is a 422 on customerId")
    void explicitCustomer() {
        customer("100001", "13800138000");
        long chosen = customer("100002", "13900139000");

        Ticket ticket = create(callerDraft("13800138000", chosen));

        assertThat(ticket.customerId()).isEqualTo(chosen);
        assertThatThrownBy(() -> create(callerDraft("13800138000", 999_999L)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("customerId"));
        assertThat(count("SELECT count(*) FROM tickets")).isEqualTo(1);
    }

    @Test
    @DisplayName("an update appends an event with only the changed fields and an outbox row; old events stay as they were")
    void updateAppendsEvent() {
        Ticket ticket = create(TicketDraft.of(TicketType.INQUIRY, Channel.PHONE, "bill"));
        TicketEvent created = await(tickets.get(ticket.id())).events().getFirst();

        Ticket updated = await(tickets.update(ticket.id(), new TicketPatch("bill too high", null, null, "Xuhui",
                null, null, null, null, null), AGENT, Channel.PHONE, 1));

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.subject()).isEqualTo("bill too high");
        TicketView view = await(tickets.get(ticket.id()));
        assertThat(view.events()).hasSize(2);
        assertThat(view.events().getFirst()).isEqualTo(created);
        assertThat(view.events().get(1).action()).isEqualTo("updated");
        assertThat(view.events().get(1).changes()).isEqualTo(new JsonObject()
                .put("subject", new JsonObject().put("from", "bill").put("to", "bill too high"))
                .put("district", new JsonObject().put("from", "").put("to", "Xuhui")));
        assertThat(count("SELECT count(*) FROM outbox WHERE aggregate_id = " + ticket.id())).isEqualTo(2);
    }

    @Test
    @DisplayName("a patch that changes nothing writes nothing")
    void emptyPatchWritesNothing() {
        Ticket ticket = create(TicketDraft.of(TicketType.INQUIRY, Channel.PHONE, "bill"));

        Ticket same = await(tickets.update(ticket.id(), new TicketPatch("bill", null, null, null, null, null, null,
                null, null), AGENT, Channel.PHONE, null));

        assertThat(same).isEqualTo(ticket);
        assertThat(count("SELECT count(*) FROM ticket_events")).isEqualTo(1);
    }

    @Test
    @DisplayName("two concurrent changes expecting the same version: one wins, the other gets a conflict")
    void concurrentChangesConflict() {
        Ticket ticket = create(TicketDraft.of(TicketType.REPAIR, Channel.PHONE, "leak"));
        TicketMutation dispatch = current -> new TicketChange("dispatch",
                current.withStatus(TicketStatus.DISPATCHED), new JsonObject().put("crew", "A"));

        Future<Ticket> a = tickets.change(ticket.id(), AGENT, Channel.PHONE, 1, dispatch);
        Future<Ticket> b = tickets.change(ticket.id(), AGENT, Channel.PHONE, 1, dispatch);
        await(Future.join(a, b).otherwiseEmpty());

        assertThat(List.of(a.succeeded(), b.succeeded())).containsExactlyInAnyOrder(true, false);
        Throwable failure = a.failed() ? a.cause() : b.cause();
        assertThat(failure).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.details()).containsEntry("version", 2));
        assertThat(await(tickets.get(ticket.id())).ticket().version()).isEqualTo(2);
    }

    @Test
    @DisplayName("a failing listener rolls the change back: row, event and outbox stay as before")
    void listenerFailureRollsBack() {
        Ticket ticket = create(TicketDraft.of(TicketType.REPAIR, Channel.PHONE, "leak"));
        tickets.addListener(new TicketListener() {
            @Override
            public Future<Void> onChanged(io.vertx.sqlclient.SqlConnection tx, Ticket before, Ticket after,
                                          TicketEvent event) {
                return tx.query("INSERT INTO outbox (topic, aggregate_id, created_at) VALUES ('x', 1, now())")
                        .execute().compose(done -> Future.failedFuture(new IllegalStateException("SLA refuses")));
            }
        });

        assertThatThrownBy(() -> await(tickets.change(ticket.id(), AGENT, Channel.PHONE, null,
                current -> new TicketChange("close", current.withStatus(TicketStatus.CLOSED), null))))
                .hasMessageContaining("SLA refuses");

        assertThat(await(tickets.get(ticket.id())).ticket()).isEqualTo(ticket);
        assertThat(count("SELECT count(*) FROM ticket_events")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox")).isEqualTo(1);
    }

    @Test
    @DisplayName("a change to a final status sets closedAt; the event records the diff and the action's data")
    void closingSetsClosedAt() {
        Ticket ticket = create(TicketDraft.of(TicketType.INQUIRY, Channel.PHONE, "bill"));
        List<TicketEvent> seen = new ArrayList<>();
        tickets.addListener(new TicketListener() {
            @Override
            public Future<Void> onChanged(io.vertx.sqlclient.SqlConnection tx, Ticket before, Ticket after,
                                          TicketEvent event) {
                seen.add(event);
                return Future.succeededFuture();
            }
        });

        Ticket closed = await(tickets.change(ticket.id(), AGENT, Channel.WEB, 1, current -> new TicketChange(
                "close", current.withStatus(TicketStatus.CLOSED).withDetail("answer", new JsonObject().put("a", 1)),
                new JsonObject().put("note", "answered"))));

        assertThat(closed.closedAt()).isEqualTo(NOW);
        assertThat(seen).singleElement().satisfies(event -> {
            assertThat(event.changes().fieldNames()).containsExactlyInAnyOrder("status", "details.answer");
            assertThat(event.data()).isEqualTo(new JsonObject().put("note", "answered"));
        });
        assertThat(await(tickets.get(ticket.id())).events().get(1)).isEqualTo(seen.getFirst());
    }

    @Test
    @DisplayName("a domain exception thrown by the mutation writes nothing; an unknown id is not found")
    void mutationFailureAndUnknownId() {
        Ticket ticket = create(TicketDraft.of(TicketType.INQUIRY, Channel.PHONE, "bill"));

        assertThatThrownBy(() -> await(tickets.change(ticket.id(), AGENT, Channel.PHONE, null, current -> {
            throw new ConflictException("not allowed now");
        }))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> await(tickets.get(424242))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> await(tickets.update(424242, new TicketPatch("x", null, null, null, null, null,
                null, null, null), AGENT, Channel.PHONE, null))).isInstanceOf(NotFoundException.class);
        assertThat(await(tickets.get(ticket.id())).ticket()).isEqualTo(ticket);
    }

    @Test
    @DisplayName("lists filter by status, type, customer and district, newest first, page by page with the total")
    void listFiltersAndPages() {
        long customer = customer("100001", "13800138000");
        for (int i = 0; i < 7; i++) {
            create(new TicketDraft(i % 2 == 0 ? TicketType.REPAIR : TicketType.INQUIRY, Channel.PHONE, null, false,
                    i < 3 ? customer : null, null, "t" + i, null, null, i < 5 ? "Xuhui" : "Pudong", null, null));
        }

        Page<Ticket> repairs = await(tickets.list(new TicketFilter(null, TicketType.REPAIR, null, null, 0, 20)));
        Page<Ticket> reported = await(tickets.list(new TicketFilter(TicketStatus.REPORTED, null, null, "Xuhui",
                0, 20)));
        Page<Ticket> mine = await(tickets.list(new TicketFilter(null, null, customer, null, 0, 20)));
        Page<Ticket> second = await(tickets.list(new TicketFilter(null, null, null, null, 1, 3)));
        Page<Ticket> beyond = await(tickets.list(new TicketFilter(null, null, null, null, 5, 3)));

        assertThat(repairs.items()).extracting(Ticket::subject).containsExactly("t6", "t4", "t2", "t0");
        assertThat(reported.items()).extracting(Ticket::subject).containsExactly("t4", "t2", "t0");
        assertThat(mine.total()).isEqualTo(3);
        assertThat(second.items()).extracting(Ticket::subject).containsExactly("t3", "t2", "t1");
        assertThat(second.total()).isEqualTo(7);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(7);
    }

    @Test
    @DisplayName("HTML, SQL, emoji and Chinese text are stored and read back byte for byte")
    void textRoundTrips() {
        String text = "<script>alert('x')</script>'; DROP TABLE tickets; -- 水管爆裂 💧 \u200b \\ \"q\"";
        Ticket ticket = create(new TicketDraft(TicketType.REPAIR, Channel.PHONE, null, false, null, null, text, text,
                text, "浦东新区", "漏水", new JsonObject().put("note", text)));

        Ticket read = await(tickets.get(ticket.id())).ticket();

        assertThat(read.subject()).isEqualTo(text);
        assertThat(read.description()).isEqualTo(text);
        assertThat(read.district()).isEqualTo("浦东新区");
        assertThat(read.details().getString("note")).isEqualTo(text);
    }

    @Test
    @DisplayName("many tickets get distinct numbers")
    void numbersAreUnique() {
        List<Future<Ticket>> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            all.add(tickets.create(TicketDraft.of(TicketType.HELP, Channel.IVR, "help"), AGENT, Optional.empty()));
        }
        await(Future.all(all));

        assertThat(new HashSet<>(all.stream().map(f -> f.result().number()).toList())).hasSize(50);
    }

    @Test
    @DisplayName("creates arriving together share one transaction; each gets its own ticket, numbered in order, with its event and outbox row")
    void createsArrivingTogetherShareATransaction() {
        List<Integer> batchSizes = new ArrayList<>();
        tickets.addListener(new TicketListener() {
            @Override
            public Future<Void> onCreated(io.vertx.sqlclient.SqlConnection tx, List<Ticket> created) {
                batchSizes.add(created.size());
                return Future.succeededFuture();
            }
        });
        List<TicketDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            drafts.add(TicketDraft.of(TicketType.REPAIR, Channel.PHONE, "leak " + i));
        }

        List<Future<Ticket>> created = createTogether(drafts, i -> Optional.empty());

        assertThat(batchSizes).containsExactly(20);
        assertThat(created.stream().map(f -> f.result().subject()))
                .containsExactlyElementsOf(drafts.stream().map(TicketDraft::subject).toList());
        assertThat(created.stream().map(f -> f.result().number())).isSorted().doesNotHaveDuplicates();
        assertThat(count("SELECT count(*) FROM ticket_events WHERE action = 'created'")).isEqualTo(20);
        assertThat(count("SELECT count(*) FROM outbox")).isEqualTo(20);
    }

    @Test
    @DisplayName("in a shared transaction an unknown customer fails only its own create, with a 422 on customerId")
    void badCreateFailsAlone() {
        List<TicketDraft> drafts = List.of(callerDraft("13800138000"), callerDraft("13800138001", 999_999L),
                callerDraft("13800138002"));

        List<Future<Ticket>> created = createTogether(drafts, i -> Optional.empty());

        assertThat(created.get(0).succeeded()).isTrue();
        assertThat(created.get(1).cause()).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("customerId"));
        assertThat(created.get(2).succeeded()).isTrue();
        assertThat(count("SELECT count(*) FROM tickets")).isEqualTo(2);
    }

    @Test
    @DisplayName("one idempotency key used twice in one shared transaction makes one ticket, answered to both")
    void repeatedKeyInOneBatch() {
        TicketDraft draft = TicketDraft.of(TicketType.REPAIR, Channel.PHONE, "leak");

        List<Future<Ticket>> created = createTogether(List.of(draft, draft, draft),
                i -> Optional.of(i < 2 ? "same-key" : "other-key"));

        assertThat(created.get(0).result().id()).isEqualTo(created.get(1).result().id());
        assertThat(created.get(2).result().id()).isNotEqualTo(created.get(0).result().id());
        assertThat(count("SELECT count(*) FROM tickets")).isEqualTo(2);
    }

    /** Submits every draft in one turn of one event loop, as concurrent API requests arrive; waits for all. */
    private List<Future<Ticket>> createTogether(List<TicketDraft> drafts, IntFunction<Optional<String>> keys) {
        Promise<List<Future<Ticket>>> submitted = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> {
            List<Future<Ticket>> all = new ArrayList<>();
            for (int i = 0; i < drafts.size(); i++) {
                all.add(tickets.create(drafts.get(i), AGENT, keys.apply(i)));
            }
            submitted.complete(all);
        });
        List<Future<Ticket>> all = await(submitted.future());
        await(Future.join(all).otherwiseEmpty());
        return all;
    }

    private Ticket create(TicketDraft draft) {
        return await(tickets.create(draft, AGENT, Optional.empty()));
    }

    private static TicketDraft callerDraft(String number) {
        return callerDraft(number, null);
    }

    private static TicketDraft callerDraft(String number, Long customerId) {
        return new TicketDraft(TicketType.REPAIR, Channel.PHONE, null, false, customerId, number, "leak", null, null,
                null, null, null);
    }

    private long customer(String account, String phone) {
        long id = await(pool.preparedQuery("""
                INSERT INTO customers (account_number, name, water_use, kind, tier, created_at, updated_at)
                VALUES ($1, 'name', 'residential', 'individual', 'ordinary', now(), now()) RETURNING id""")
                .execute(Tuple.of(account))).iterator().next().getLong(0);
        await(pool.preparedQuery("INSERT INTO customer_phones (customer_id, phone, position) VALUES ($1, $2, 0)")
                .execute(Tuple.of(id, phone)));
        return id;
    }

    private long count(String sql) {
        return await(pool.query(sql).execute()).iterator().next().getLong(0);
    }
}
