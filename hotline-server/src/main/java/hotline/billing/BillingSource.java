package hotline.billing;

import io.vertx.core.Future;

/**
 * The port to the utility's billing system: one account's {@link Statement}. Two adapters implement it, chosen by
 * {@code billing.source}: the CIS's HTTP API, or the ledger loaded from its nightly export. The future fails with
 * {@link UnknownAccountException} for an account the billing system does not know, and with
 * {@link BillingUnavailableException} for everything else (no answer in time, an error, an answer that does not
 * parse). Non-blocking; may be called from any thread.
 */
public interface BillingSource {

    /** A short name for logs and health ("cis", "ledger"). */
    String name();

    Future<Statement> statement(String accountNumber);
}
