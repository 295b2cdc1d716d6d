package hotline.customer;

import java.util.List;

/** One page of {@link TierOverride}s and how many there are in all. */
public record TierOverrides(List<TierOverride> items, long total) {

    public TierOverrides {
        items = List.copyOf(items);
    }
}
