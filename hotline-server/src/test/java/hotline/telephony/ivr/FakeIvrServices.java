package hotline.telephony.ivr;

import hotline.billing.BillingAnswer;
import hotline.customer.Tier;
import io.vertx.core.Future;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory stand-in for Hotline's services: two customers, tickets kept in a list. Thread-safe. */
public class FakeIvrServices implements IvrServices {

    public static final IvrCustomer WANG = new IvrCustomer(7, "10023456", "王秀英", "幸福路12号3单元", "03", Tier.ORDINARY, false);
    public static final IvrCustomer HOSPITAL = new IvrCustomer(9, "20000001", "市第一人民医院", "健康路1号", "05", Tier.KEY, true);
    public static final String WANG_PHONE = "13800138000";
    public static final String HOSPITAL_PHONE = "02188886666";

    public final List<RepairReport> repairs = new CopyOnWriteArrayList<>();
    public final List<String> created = new CopyOnWriteArrayList<>();
    public final Map<String, String> statuses = new ConcurrentHashMap<>();
    public final Map<String, KnownIncident> incidents = new ConcurrentHashMap<>();
    /** Planned shut-offs by customer id. */
    public final Map<Long, KnownOutage> outages = new ConcurrentHashMap<>();
    public final Map<String, Integer> scores = new ConcurrentHashMap<>();
    /** Billing answers by account number; an account without one is unknown. */
    public final Map<String, BillingAnswer> billing = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger(41);

    @Override
    public Future<Optional<IvrCustomer>> customerByPhone(String phone) {
        return Future.succeededFuture(switch (phone) {
            case WANG_PHONE -> Optional.of(WANG);
            case HOSPITAL_PHONE -> Optional.of(HOSPITAL);
            default -> Optional.empty();
        });
    }

    @Override
    public Future<Optional<IvrCustomer>> customerByAccount(String accountNumber) {
        return Future.succeededFuture(List.of(WANG, HOSPITAL).stream()
                .filter(c -> c.accountNumber().equals(accountNumber)).findFirst());
    }

    @Override
    public Future<String> createRepair(RepairReport report) {
        repairs.add(report);
        String number = "HL-20261123-%06d".formatted(sequence.incrementAndGet());
        statuses.put(number, "reported");
        created.add(number);
        return Future.succeededFuture(number);
    }

    @Override
    public Future<Optional<String>> ticketStatus(String ticketNumber) {
        return Future.succeededFuture(Optional.ofNullable(statuses.get(ticketNumber)));
    }

    @Override
    public Future<Void> recordSatisfaction(String callUniqueid, int score) {
        scores.put(callUniqueid, score);
        return Future.succeededFuture();
    }

    @Override
    public Future<Optional<KnownIncident>> openIncident(String district) {
        return Future.succeededFuture(Optional.ofNullable(incidents.get(district)));
    }

    @Override
    public Future<Optional<KnownOutage>> outageFor(long customerId) {
        return Future.succeededFuture(Optional.ofNullable(outages.get(customerId)));
    }

    @Override
    public Future<BillingAnswer> billing(String accountNumber) {
        return Future.succeededFuture(billing.getOrDefault(accountNumber, new BillingAnswer.Unknown(accountNumber)));
    }
}
