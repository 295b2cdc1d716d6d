package hotline.telephony.peer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A manager.conf as the {@link AmiPeer} obeys it: {@code timestampevents} of {@code [general]} and, per user section,
 * {@code read}, {@code write} and its {@code eventfilter} lines. {@link #shipped()} is Hotline's own
 * {@code ivr-scripts/manager.conf.sample}, packaged on the class path as {@value #SHIPPED}, so the tests run against
 * the very file the README tells administrators to install. Immutable.
 */
public record ManagerConf(boolean timestampEvents, Map<String, User> users) {

    public static final String SHIPPED = "ivr-asterisk/manager.conf.sample";

    /** One AMI user: the classes it may read and write, and its event filters. */
    public record User(String name, Set<String> read, Set<String> write, List<EventFilter> filters) {
    }

    public static ManagerConf shipped() {
        return parse(shippedText());
    }

    /** The text of the shipped manager.conf.sample, for a test that varies one line of it. */
    public static String shippedText() {
        try (InputStream in = ManagerConf.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " (from ivr-scripts) is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads Asterisk's config format: {@code [section]}, {@code key = value} or {@code key => value}, {@code ;} comments. */
    public static ManagerConf parse(String text) {
        boolean timestamps = false;
        Map<String, User> users = new LinkedHashMap<>();
        String section = null;
        String read = null;
        String write = null;
        List<EventFilter> filters = new ArrayList<>();
        for (String raw : (text + "\n[]").lines().toList()) {
            String line = raw.replaceFirst(";.*", "").strip();
            if (line.startsWith("[")) {
                if (section != null && !section.equals("general")) {
                    users.put(section, new User(section, AmiClasses.parse(read), AmiClasses.parse(write), List.copyOf(filters)));
                }
                section = line.substring(1, line.indexOf(']'));
                read = null;
                write = null;
                filters.clear();
                continue;
            }
            int equals = line.indexOf('=');
            if (section == null || equals < 0) {
                continue;
            }
            String key = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).replaceFirst("^>", "").strip();
            if (section.equals("general") && key.equals("timestampevents")) {
                timestamps = value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("true");
            } else if (key.equals("read")) {
                read = value;
            } else if (key.equals("write")) {
                write = value;
            } else if (key.startsWith("eventfilter")) {
                filters.add(EventFilter.parse(key, value));
            }
        }
        return new ManagerConf(timestamps, Map.copyOf(users));
    }

    public User user(String name) {
        User user = users.get(name);
        if (user == null) {
            throw new IllegalArgumentException("manager.conf has no user [" + name + "]");
        }
        return user;
    }
}
