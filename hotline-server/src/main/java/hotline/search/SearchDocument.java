package hotline.search;

import java.time.Instant;
import java.util.List;

/**
 * What the index holds of one ticket: codes to filter and count by (lower-case codes as the API spells them, empty
 * when unknown), dates, and the texts to search. {@code resolution} and {@code satisfaction} (1..5) come from the
 * ticket's workflow data when it has them and are shown with similar cases. Null texts are treated as empty.
 */
public record SearchDocument(
        long id,
        String number,
        String type,
        String status,
        String channel,
        String district,
        String tier,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt,
        String subject,
        String description,
        String location,
        List<String> eventTexts,
        String customerName,
        String customerAccount,
        List<String> phones,
        String customerAddress,
        String resolution,
        Integer satisfaction) {

    public SearchDocument {
        eventTexts = eventTexts == null ? List.of() : List.copyOf(eventTexts);
        phones = phones == null ? List.of() : List.copyOf(phones);
    }
}
