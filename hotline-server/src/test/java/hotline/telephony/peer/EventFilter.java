package hotline.telephony.peer;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One {@code eventfilter} of manager.conf, as {@code manager_add_filter} reads it and {@code filter_cmp_fn} applies
 * it in Asterisk 22: the legacy form ({@code eventfilter = <regex>}, {@code !} first for an exclude filter, searched
 * in the whole event text — so {@code Event: Hangup} also lets {@code HangupRequest} through) and the advanced one
 * ({@code eventfilter(action(include|exclude),name(<event>),header(<header>),method(<method>)) = <pattern>}: the event
 * name compared exactly, the pattern applied to the named header's value or to the whole text). With include filters
 * only an event must match one; with exclude filters only it must match none; with both it must match an include and
 * no exclude ({@code should_send_event}). Immutable.
 */
public record EventFilter(boolean exclude, String eventName, String header, String method, String pattern,
                          Pattern regex) {

    /** {@code key} and {@code value} of one manager.conf line whose key starts with {@code eventfilter}. */
    public static EventFilter parse(String key, String value) {
        boolean exclude = false;
        String pattern = value;
        if (pattern.startsWith("!")) {
            exclude = true;
            pattern = pattern.substring(1);
        }
        String method = "regex";
        String eventName = null;
        String header = null;
        int open = key.indexOf('(');
        if (open < 0) {
            if (pattern.isEmpty()) {
                throw new IllegalArgumentException("legacy eventfilter without a pattern");
            }
        } else {
            method = "none";
            String options = key.substring(open + 1).strip();
            if (!options.endsWith(")")) {
                throw new IllegalArgumentException("eventfilter options not closed: " + key);
            }
            for (String option : options.split("[ ,)]+")) {
                if (option.isEmpty()) {
                    continue;
                }
                String argument = option.substring(option.indexOf('(') + 1).strip();
                if (option.startsWith("action")) {
                    exclude = switch (argument) {
                        case "include" -> false;
                        case "exclude" -> true;
                        default -> throw new IllegalArgumentException("eventfilter action " + argument);
                    };
                } else if (option.startsWith("name")) {
                    eventName = argument;
                } else if (option.startsWith("header")) {
                    header = argument.endsWith(":") ? argument : argument + ":";
                } else if (option.startsWith("method")) {
                    if (!List.of("regex", "exact", "starts_with", "ends_with", "contains", "none").contains(argument)) {
                        throw new IllegalArgumentException("eventfilter method " + argument);
                    }
                    method = argument;
                } else {
                    throw new IllegalArgumentException("eventfilter option " + option);
                }
            }
            if (pattern.isEmpty() != method.equals("none")) {
                throw new IllegalArgumentException("eventfilter method " + method + " with pattern '" + pattern + "'");
            }
        }
        return new EventFilter(exclude, eventName, header, method, pattern,
                method.equals("regex") ? Pattern.compile(pattern) : null);
    }

    /** Whether Asterisk sends the event called {@code name} whose text is {@code text} through {@code filters}. */
    public static boolean send(List<EventFilter> filters, String name, String text) {
        List<EventFilter> includes = filters.stream().filter(filter -> !filter.exclude).toList();
        List<EventFilter> excludes = filters.stream().filter(EventFilter::exclude).toList();
        boolean included = includes.isEmpty() || includes.stream().anyMatch(filter -> filter.matches(name, text));
        return included && excludes.stream().noneMatch(filter -> filter.matches(name, text));
    }

    boolean matches(String name, String text) {
        if (eventName != null && !eventName.equals(name)) {
            return false;
        }
        if (header == null) {
            return matchesValue(text);
        }
        for (String line : text.split("\r\n")) {
            if (line.startsWith(header)) {
                String value = line.substring(header.length()).stripLeading();
                if (!value.isEmpty() && matchesValue(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean matchesValue(String value) {
        return switch (method) {
            case "regex" -> regex.matcher(value).find();
            case "exact" -> value.equals(pattern);
            case "starts_with" -> value.startsWith(pattern);
            case "ends_with" -> value.endsWith(pattern);
            case "contains" -> value.contains(pattern);
            default -> true;
        };
    }
}
