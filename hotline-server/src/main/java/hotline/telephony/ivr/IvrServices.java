package hotline.telephony.ivr;

import hotline.billing.BillingAnswer;
import io.vertx.core.Future;

import java.util.Optional;

/**
 * What the IVR asks of the rest of Hotline: the port its actions ({@code lookup_caller}, {@code create_repair},
 * {@code ticket_status}, {@code announce_incidents}, {@code announce_outage}, {@code record_satisfaction}, {@code billing_lookup}) call. Every method returns at once with a Vert.x {@link Future};
 * the IVR waits for it on the call's own virtual thread, never on an event loop.
 */
public interface IvrServices {

    /** The customer whose normalised phone number is {@code phone} (exactly one), if any. */
    Future<Optional<IvrCustomer>> customerByPhone(String phone);

    /** The customer with this account number, if any. */
    Future<Optional<IvrCustomer>> customerByAccount(String accountNumber);

    /** Creates the repair ticket in one call (channel {@code ivr}) and answers its number, e.g. {@code HL-20261123-000042}. */
    Future<String> createRepair(RepairReport report);

    /** The status code ({@code reported}, {@code dispatched}, ...) of the ticket with this number, if it exists. */
    Future<Optional<String>> ticketStatus(String ticketNumber);

    /** Stores the caller's survey score (1–5) for the call with this uniqueid; a second score replaces the first. */
    Future<Void> recordSatisfaction(String callUniqueid, int score);

    /** An open incident (burst main, outage) in {@code district}, if there is one. */
    Future<Optional<KnownIncident>> openIncident(String district);

    /** The planned shut-off customer {@code customerId}'s callers are told of now, if there is one. */
    Future<Optional<KnownOutage>> outageFor(long customerId);

    /** The account's bills, payments and readings from the billing system; never fails (down is an answer). */
    Future<BillingAnswer> billing(String accountNumber);
}
