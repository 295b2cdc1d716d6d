package hotline.notify;

import hotline.capability.Capability;
import hotline.config.Config;
import hotline.config.ConfFiles;
import hotline.http.ApiRoutes;
import hotline.notify.internal.NotifyRoutes;
import hotline.notify.internal.SmsSender;
import hotline.notify.internal.SmtpSender;
import hotline.ticket.TicketListener;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The notify capability: customers' contact preferences ({@code getContactPreferences}, {@code setContactPreferences}),
 * the log of what was told to whom ({@code listCustomerNotices}), the ticket listener that queues the notices of a
 * ticket's own changes, the templates (checked when the capability is built: a bad one stops the server), and the
 * {@link NotifyWorker} that {@link #start} starts. Other capabilities queue notices with {@link Notices}.
 *
 * <p>Settings (defaults in brackets): {@value #WORKER} [true], {@value #POLL} [1000], {@value #BATCH} [100],
 * {@value #LEASE} [120], {@value #MAX_ATTEMPTS} [5], {@value #RETRY_FIRST} [60], {@value #RETRY_LONGEST} [3600],
 * {@value #QUIET_FROM} [21:00], {@value #QUIET_TO} [08:00] (the utility's time zone), {@value #TEMPLATES} [conf/, else
 * the jar], {@value #MOBILE} [1[3-9][0-9]{9}]; e-mail: {@code notify.email.*} ({@link SmtpSender}; off without a
 * host); SMS: {@code notify.sms.*} ({@link SmsSender}; off without a gateway URL).
 */
public final class NotifyModule implements Capability {

    /** Setting: whether this server runs the delivery worker. */
    public static final String WORKER = "notify.worker";
    /** Setting: milliseconds between rounds that found nothing to do. */
    public static final String POLL = "notify.pollMs";
    /** Setting: notices planned and deliveries claimed per round. */
    public static final String BATCH = "notify.batchSize";
    /** Setting: seconds a claim keeps other workers away from a delivery. */
    public static final String LEASE = "notify.leaseSeconds";
    public static final String MAX_ATTEMPTS = "notify.maxAttempts";
    /** Setting: seconds before the first retry; each further one waits twice as long. */
    public static final String RETRY_FIRST = "notify.retryFirstSeconds";
    public static final String RETRY_LONGEST = "notify.retryLongestSeconds";
    public static final String QUIET_FROM = "notify.quietHours.from";
    public static final String QUIET_TO = "notify.quietHours.to";
    /** Setting: the directory of {@code notices_zh.properties} and {@code notices_en.properties}. */
    public static final String TEMPLATES = "notify.templates";
    /** Setting: what a mobile number (one SMS reaches) looks like in Hotline's normal form. */
    public static final String MOBILE = "notify.sms.mobilePattern";

    private final NoticeTemplates templates;
    private final Map<NoticeChannel, Sender> senders = new EnumMap<>(NoticeChannel.class);
    private final NotifyWorker worker;
    private final boolean workerEnabled;
    private final Duration poll;
    private final ContactBook contacts;
    private final DeliveryLog log;
    private final TicketNoticeListener ticketNotices = new TicketNoticeListener();

    public NotifyModule(Config config, Vertx vertx, Pool pool, Clock clock, ZoneId zone) {
        templates = NoticeTemplates.load(config.string(TEMPLATES), zone);
        QuietHours quiet = new QuietHours(ConfFiles.time(config.string(QUIET_FROM, "21:00"), QUIET_FROM),
                ConfFiles.time(config.string(QUIET_TO, "08:00"), QUIET_TO), zone);
        RetryPolicy retry = new RetryPolicy(config.integer(MAX_ATTEMPTS, 5, 1, 100),
                Duration.ofSeconds(config.integer(RETRY_FIRST, 60, 0, 86_400)),
                Duration.ofSeconds(config.integer(RETRY_LONGEST, 3_600, 0, 7 * 86_400)));
        SmtpSender.configured(vertx, config).ifPresent(sender -> senders.put(NoticeChannel.EMAIL, sender));
        SmsSender.configured(vertx, config).ifPresent(sender -> senders.put(NoticeChannel.SMS, sender));
        DeliveryPlanner planner = new DeliveryPlanner(senders.keySet(), quiet,
                Pattern.compile(config.string(MOBILE, "1[3-9][0-9]{9}")));
        worker = new NotifyWorker(vertx, pool, clock, "notify-" + UUID.randomUUID(), planner, templates, senders, retry,
                quiet, config.integer(BATCH, 100, 1, 10_000),
                Duration.ofSeconds(config.integer(LEASE, 120, 5, 3_600)));
        workerEnabled = config.bool(WORKER, true);
        poll = Duration.ofMillis(config.integer(POLL, 1_000, 10, 3_600_000));
        contacts = new ContactBook(pool, clock);
        log = new DeliveryLog(pool);
    }

    @Override
    public String name() {
        return "notify";
    }

    @Override
    public Future<Void> start() {
        if (workerEnabled) {
            worker.start(poll);
        }
        return Future.succeededFuture();
    }

    /** Stops claiming, lets the batch in hand finish and be recorded, then closes the channels. */
    @Override
    public Future<Void> stop() {
        return worker.stop().compose(stopped -> Future.join(senders.values().stream().map(Sender::close).toList()))
                .mapEmpty();
    }

    @Override
    public List<ApiRoutes> routes() {
        return List.of(new NotifyRoutes(contacts, log));
    }

    /** Queues ticket received, repair dispatched and repair done; register it after the SLA tracker. */
    public TicketListener ticketNotices() {
        return ticketNotices;
    }

    public NotifyWorker worker() {
        return worker;
    }

    public ContactBook contacts() {
        return contacts;
    }

    public DeliveryLog log() {
        return log;
    }

    public NoticeTemplates templates() {
        return templates;
    }
}
