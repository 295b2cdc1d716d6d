package hotline.billing;

import hotline.auth.Principal;
import hotline.auth.Role;
import hotline.billing.internal.BillingCache;
import hotline.billing.internal.LedgerImport;
import hotline.common.InvalidInputException;
import hotline.customer.CustomerService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.io.Reader;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What the rest of Hotline asks of billing: an account's {@link BillingAnswer} (through the per-account cache, so the
 * IVR, the console and the API share one read), the same for a customer, the consumption jump worth a word to the
 * caller, and the ledger import. Answers never fail: billing being down is an {@link BillingAnswer.Unavailable}, so
 * no call waits on it longer than the adapter's timeout. Non-blocking and thread-safe.
 */
public final class BillingService {

    private final BillingCache cache;
    private final LedgerImport ledger;
    private final CustomerService customers;
    private final int leakFactorPercent;
    private final Duration cardWait;
    private final Clock clock;
    private final ZoneId zone;

    public BillingService(BillingCache cache, LedgerImport ledger, CustomerService customers, int leakFactorPercent,
                          Duration cardWait, Clock clock, ZoneId zone) {
        this.cache = cache;
        this.ledger = ledger;
        this.customers = customers;
        this.leakFactorPercent = leakFactorPercent;
        this.cardWait = cardWait;
        this.clock = clock;
        this.zone = zone;
    }

    public Future<BillingAnswer> forAccount(String accountNumber) {
        return cache.answer(accountNumber);
    }

    /** The answer for the customer's account; fails with 404 for an unknown customer. */
    public Future<BillingAnswer> forCustomer(long customerId) {
        return customers.get(customerId).compose(customer -> forAccount(customer.accountNumber()));
    }

    /** The latest bill's jump over the account's own average, when above {@code billing.leakFactorPercent}. */
    public Optional<ConsumptionJump> jump(Statement statement) {
        return ConsumptionJump.of(statement.bills(), leakFactorPercent);
    }

    /**
     * The answer as the API gives it ({@code BillingAnswer} of openapi.yaml): a known statement with the part of the
     * balance overdue today and the consumption jump, if any.
     */
    public JsonObject toJson(BillingAnswer answer) {
        JsonObject json = answer.toJson();
        if (answer instanceof BillingAnswer.Known known) {
            json.put("overdue", known.statement().overdue(today()).toPlainString());
            jump(known.statement()).ifPresent(jump -> json.put("jump", jump.toJson()));
        }
        return json;
    }

    /** Today in the utility's time zone: what "overdue" is measured against. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** How long the caller card waits for billing before it shows without it ({@code billing.cardWaitMs}). */
    public Duration cardWait() {
        return cardWait;
    }

    /**
     * Loads an export of the CIS into the ledger (docs/billing.md), all or nothing; supervisors and admins only
     * (422 on {@code body} otherwise). The answers cached before keep their time to live.
     */
    public Future<LedgerReport> importLedger(Reader csv, Principal actor) {
        if (!actor.role().includes(Role.SUPERVISOR)) {
            return Future.failedFuture(new InvalidInputException("body", "only a supervisor or admin may import"));
        }
        return ledger.run(csv);
    }
}
