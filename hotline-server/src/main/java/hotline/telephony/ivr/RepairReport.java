package hotline.telephony.ivr;

import io.vertx.core.json.JsonObject;

/**
 * A leak or supply report as the IVR collected it, ready to become one repair ticket.
 *
 * @param callUniqueid   Asterisk's uniqueid of the call (also the idempotency key: a repeated request makes no
 *                       second ticket)
 * @param callerNumber   the caller ID, or null when withheld
 * @param customerId     the identified customer, or null
 * @param category       the category code chosen in the menu ({@code service_pipe_leak}, {@code burst_main}, ...; an incident's
 *                       category when the report is added to it)
 * @param urgent         a severity answer made it urgent (flooding, no supply)
 * @param answers        the severity questions and their answers
 * @param location       the customer's address or a description of the spot
 * @param district       the district code (from the account or typed in), may be empty
 * @param incidentId     the open incident the caller added the report to, or null
 * @param callbackNumber a number typed in by a caller who is not a customer, or null
 */
public record RepairReport(String callUniqueid, String callerNumber, Long customerId, String category, boolean urgent,
                           JsonObject answers, String location, String district, Long incidentId,
                           String callbackNumber) {
}
