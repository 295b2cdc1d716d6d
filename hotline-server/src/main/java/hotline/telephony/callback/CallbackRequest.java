package hotline.telephony.callback;

/**
 * What the IVR asks to be called back: the call it came from, the customer (null when unknown), the number to call
 * (digits, the caller ID or typed in), the ticket made in the same call (null if none) and the queue priority the
 * caller would have had.
 */
public record CallbackRequest(String callUniqueid, Long customerId, String number, String ticketNumber, int priority) {
}
