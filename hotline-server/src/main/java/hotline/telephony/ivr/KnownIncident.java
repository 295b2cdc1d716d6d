package hotline.telephony.ivr;

/**
 * An open incident the IVR announces before anything else; a caller can add a report to it with one key.
 *
 * @param category the repair category of its reports ({@code burst_main}, ...), which the caller's report takes
 */
public record KnownIncident(long id, String district, String category) {
}
