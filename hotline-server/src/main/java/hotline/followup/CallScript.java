package hotline.followup;

import hotline.config.ConfigException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the agent says on one kind of return call, line by line, in each console language ({@code scripts} of
 * {@code conf/visits.json}). Placeholders in braces are filled from the call ({@code {customer}}, and for calls about a
 * ticket {@code {ticket}} and {@code {subject}}); a placeholder the kind cannot fill is refused at start-up, not shown
 * raw to an agent mid-call. Immutable.
 */
public record CallScript(List<String> zh, List<String> en) {

    public static final Set<String> TICKET_PLACEHOLDERS = Set.of("customer", "ticket", "subject");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    public CallScript {
        zh = List.copyOf(zh);
        en = List.copyOf(en);
    }

    /** The lines in {@code lang} with the placeholders filled from {@code values} (a missing value reads as "—"). */
    public List<String> lines(String lang, Map<String, String> values) {
        return ("en".equals(lang) ? en : zh).stream().map(line -> {
            Matcher matcher = PLACEHOLDER.matcher(line);
            StringBuilder filled = new StringBuilder();
            while (matcher.find()) {
                String value = values.get(matcher.group(1));
                matcher.appendReplacement(filled, Matcher.quoteReplacement(value == null || value.isBlank() ? "—" : value));
            }
            return matcher.appendTail(filled).toString();
        }).toList();
    }

    /** Parses {@code {"zh": [lines], "en": [lines]}}; {@code en} defaults to {@code zh}. */
    static CallScript parse(Object value, String where, Set<String> placeholders) {
        if (!(value instanceof JsonObject json)) {
            throw new ConfigException(where + ": an object of zh and en lines is required");
        }
        List<String> zh = lines(json.getValue("zh"), where + ".zh", placeholders);
        List<String> en = json.getValue("en") == null ? zh : lines(json.getValue("en"), where + ".en", placeholders);
        return new CallScript(zh, en);
    }

    private static List<String> lines(Object value, String where, Set<String> placeholders) {
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw new ConfigException(where + ": a list of lines is required");
        }
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof String line) || line.isBlank()) {
                throw new ConfigException(where + "[" + i + "]: a line of text is required");
            }
            Matcher matcher = PLACEHOLDER.matcher(line);
            while (matcher.find()) {
                if (!placeholders.contains(matcher.group(1))) {
                    throw new ConfigException(where + "[" + i + "]: {" + matcher.group(1) + "} cannot be filled here; "
                            + "use " + placeholders.stream().sorted().map(p -> "{" + p + "}").toList());
                }
            }
        }
        return array.stream().map(String.class::cast).toList();
    }
}
