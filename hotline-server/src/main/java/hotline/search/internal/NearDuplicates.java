package hotline.search.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Similar cases that would tell an agent the same thing twice, collapsed: cases are near-duplicates when their
 * resolutions read the same once letter case, spaces, punctuation and symbols are ignored, or, for cases without a
 * resolution, when their subjects do (a resolved and an unresolved case never collapse). Each group is shown by its
 * best-ranked case, in the order of those. Plain Java, stateless.
 */
public final class NearDuplicates {

    private static final Pattern IGNORED = Pattern.compile("[\\p{P}\\p{S}\\s]+");

    /** A group: its best-ranked case and the others, best first. */
    public record Group<T>(T best, List<T> others) {
    }

    private NearDuplicates() {
    }

    /** What near-duplicates share, or null for a case with neither resolution nor subject (it stands alone). */
    public static String key(String resolution, String subject) {
        String resolved = normalised(resolution);
        if (!resolved.isEmpty()) {
            return "resolution:" + resolved;
        }
        String about = normalised(subject);
        return about.isEmpty() ? null : "subject:" + about;
    }

    /**
     * The first {@code size} groups of {@code ranked} (best first) by {@code key}; a case that would open a group past
     * the first {@code size} is left out, one that joins a kept group is counted in it.
     */
    public static <T> List<Group<T>> collapse(List<T> ranked, Function<T, String> key, int size) {
        Map<Object, Group<T>> groups = new LinkedHashMap<>();
        for (T candidate : ranked) {
            String shared = key.apply(candidate);
            Group<T> group = shared == null ? null : groups.get(shared);
            if (group != null) {
                group.others().add(candidate);
            } else if (groups.size() < size) {
                groups.put(shared == null ? new Object() : shared, new Group<>(candidate, new ArrayList<>()));
            }
        }
        return groups.values().stream().map(group -> new Group<>(group.best(), List.copyOf(group.others()))).toList();
    }

    private static String normalised(String text) {
        return text == null ? "" : IGNORED.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
