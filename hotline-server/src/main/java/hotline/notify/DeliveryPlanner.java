package hotline.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides, once a notice is due, on which channels it goes and to which address: SMS to the notice's own number or
 * else the customer's first mobile number, e-mail when the customer gave an address; a channel the customer opted out
 * of is skipped unless the kind is a safety notice; a missing or invalid address fails that channel alone, with the
 * reason; the rest waits for the end of the quiet hours unless urgent. Only the channels this server has configured
 * are planned. Pure and thread-safe.
 */
public final class DeliveryPlanner {

    /** A notice that has come due, with what its customer chose (their defaults when there is no customer). */
    public record DueNotice(long noticeId, NoticeKind kind, Instant createdAt, String phone, List<String> customerPhones,
                            ContactPreferences contact) {
    }

    /** One channel of one notice as it is stored: {@code queued} with its first attempt, or settled with a reason. */
    public record Planned(long noticeId, NoticeChannel channel, String address, Language language,
                          DeliveryStatus status, String reason, Instant nextAttemptAt) {
    }

    private final Set<NoticeChannel> channels;
    private final QuietHours quietHours;
    private final Pattern mobile;

    /** @param mobile what a number SMS can reach looks like, in Hotline's normal form */
    public DeliveryPlanner(Set<NoticeChannel> channels, QuietHours quietHours, Pattern mobile) {
        this.channels = Set.copyOf(channels);
        this.quietHours = quietHours;
        this.mobile = mobile;
    }

    public List<Planned> plan(DueNotice notice, Instant now) {
        List<Planned> planned = new ArrayList<>(2);
        if (channels.contains(NoticeChannel.SMS)) {
            List<String> candidates = new ArrayList<>();
            if (notice.phone() != null) {
                candidates.add(notice.phone());
            }
            candidates.addAll(notice.customerPhones());
            String address = candidates.stream().filter(number -> mobile.matcher(number).matches()).findFirst()
                    .orElse(null);
            planned.add(decide(notice, NoticeChannel.SMS, address, address != null ? null
                    : candidates.isEmpty() ? "no phone number" : "no mobile number (SMS cannot reach "
                    + String.join(", ", candidates) + ")", now));
        }
        String email = notice.contact().email();
        if (channels.contains(NoticeChannel.EMAIL) && email != null) {
            planned.add(decide(notice, NoticeChannel.EMAIL, email,
                    ContactPreferences.validEmail(email) ? null : "invalid e-mail address", now));
        }
        return planned;
    }

    private Planned decide(DueNotice notice, NoticeChannel channel, String address, String invalid, Instant now) {
        Language language = notice.contact().language();
        if (notice.contact().optedOut(channel) && !notice.kind().safety()) {
            return new Planned(notice.noticeId(), channel, address, language, DeliveryStatus.SKIPPED,
                    "the customer opted out of " + channel.code(), null);
        }
        if (invalid != null) {
            return new Planned(notice.noticeId(), channel, address, language, DeliveryStatus.FAILED, invalid, null);
        }
        Instant due = notice.createdAt().isAfter(now) ? notice.createdAt() : now;
        return new Planned(notice.noticeId(), channel, address, language, DeliveryStatus.QUEUED, null,
                quietHours.release(notice.kind(), due));
    }
}
