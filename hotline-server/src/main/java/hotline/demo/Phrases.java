package hotline.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phrases of one language at one level of the {@link CaseBook} (a case, its kind, its type, the common words):
 * per slot a list of alternatives, with the level above as fallback. A {@code {slot}} inside a phrase is filled in
 * turn, always looked up from the level the filling started at, so a case's own {@code place} shows in its kind's
 * subject. Immutable and thread-safe; the randomness comes from the caller.
 */
final class Phrases {

    private static final Pattern SLOT = Pattern.compile("\\{([A-Za-z]+)}");

    private final Map<String, List<String>> own;
    private final Phrases above;

    private Phrases(Map<String, List<String>> own, Phrases above) {
        this.own = own;
        this.above = above;
    }

    /** The slots of {@code json} (each a non-empty array of strings) over {@code above} (null at the top). */
    static Phrases parse(JsonObject json, Phrases above, String where) {
        Map<String, List<String>> own = new HashMap<>();
        if (json != null) {
            for (String slot : json.fieldNames()) {
                if (!(json.getValue(slot) instanceof JsonArray array) || array.isEmpty()
                        || !array.stream().allMatch(String.class::isInstance)) {
                    throw new IllegalArgumentException(where + "." + slot + ": expected a non-empty list of texts");
                }
                own.put(slot, array.stream().map(String.class::cast).toList());
            }
        }
        return new Phrases(Map.copyOf(own), above);
    }

    /**
     * Fills {@code slot} with one of its alternatives drawn from {@code random}, and every slot that names in turn.
     * {@code filled} holds the slots filled so far for the same ticket: a slot is drawn once and then repeated.
     */
    String fill(String slot, DemoText random, Map<String, String> filled) {
        String done = filled.get(slot);
        if (done != null) {
            return done;
        }
        String text = SLOT.matcher(random.pick(alternatives(slot)))
                .replaceAll(inner -> Matcher.quoteReplacement(fill(inner.group(1), random, filled)));
        filled.put(slot, text);
        return text;
    }

    /** Fails, naming {@code where}, unless {@code slot} and every slot its phrases name can be filled. */
    void check(String slot, String where) {
        check(slot, where, new LinkedHashSet<>(), new HashSet<>());
    }

    private void check(String slot, String where, Set<String> path, Set<String> checked) {
        if (checked.contains(slot)) {
            return;
        }
        if (!path.add(slot)) {
            throw new IllegalArgumentException(where + ": slots fill each other in a cycle " + path);
        }
        List<String> alternatives = find(slot);
        if (alternatives == null) {
            throw new IllegalArgumentException(where + ": no phrases for {" + slot + "}"
                    + (path.size() > 1 ? " (named via " + path + ")" : ""));
        }
        for (String phrase : alternatives) {
            Matcher inner = SLOT.matcher(phrase);
            while (inner.find()) {
                check(inner.group(1), where, path, checked);
            }
        }
        path.remove(slot);
        checked.add(slot);
    }

    private List<String> alternatives(String slot) {
        List<String> found = find(slot);
        if (found == null) {
            throw new IllegalStateException("no phrases for {" + slot + "}"); // parse checks every slot first
        }
        return found;
    }

    private List<String> find(String slot) {
        for (Phrases level = this; level != null; level = level.above) {
            List<String> found = level.own.get(slot);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
