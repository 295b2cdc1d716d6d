package hotline.notify;

/**
 * One text message for an {@link SmsGateway}.
 *
 * @param reference the delivery's id, unique and the same on every attempt: a gateway that keeps client references
 *                  can refuse a repeat of a message it already took
 * @param to        a mobile number in Hotline's normal form (e.g. {@code 13800138000})
 */
public record SmsMessage(String reference, String to, String text) {
}
