package hotline.telephony;

/** An open incident the IVR announces before anything else; a caller can add a report to it with one key. */
public record KnownIncident(long id, String district, String title) {
}
