package hotline.cluster;

import hotline.config.Config;
import hotline.config.ConfigException;

import java.util.ArrayList;
import java.util.List;

/**
 * How this instance joins the others of its hotline, read and checked at start-up (a bad value fails it with a
 * {@link ConfigException} naming the setting). Off by default: a single instance starts no cluster at all.
 *
 * <p>Settings (environment {@code HOTLINE_CLUSTER_...} overrides): {@value #ENABLED} (false), {@value #NAME} (required
 * when enabled: instances join only others of the same name, so two hotlines on one network never merge),
 * {@value #MEMBERS} (comma list of {@code host[:port]} of the other instances, port defaulting to {@value #PORT};
 * listing this instance itself is allowed, so every instance can share one list), {@value #HOST} (the one address
 * this instance listens on and announces for the cluster, 127.0.0.1), {@value #PORT} (Hazelcast's membership port,
 * 5701), {@value #BUS_PORT} (the event bus's own port between instances, 0: a free one, announced through the
 * cluster), {@value #MULTICAST} (false: members found by multicast on {@code host}'s network instead of the list),
 * {@value #MEMBER_TIMEOUT_SECONDS} (10: an instance silent this long is dropped from the cluster).
 */
public record ClusterSettings(boolean enabled, String name, List<Member> members, String host, int port, int busPort,
                              boolean multicast, int memberTimeoutSeconds) {

    public static final String ENABLED = "cluster.enabled";
    public static final String NAME = "cluster.name";
    public static final String MEMBERS = "cluster.members";
    public static final String HOST = "cluster.host";
    public static final String PORT = "cluster.port";
    public static final String BUS_PORT = "cluster.busPort";
    public static final String MULTICAST = "cluster.multicast";
    public static final String MEMBER_TIMEOUT_SECONDS = "cluster.memberTimeoutSeconds";
    static final int DEFAULT_PORT = 5701;

    /** Another instance to join, as Hazelcast dials it. */
    public record Member(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** The settings of {@code config}; when not enabled the other keys are not read. */
    public static ClusterSettings from(Config config) {
        if (!config.bool(ENABLED, false)) {
            return new ClusterSettings(false, "", List.of(), "127.0.0.1", DEFAULT_PORT, 0, false, 10);
        }
        String name = config.string(NAME).map(String::trim)
                .orElseThrow(() -> new ConfigException(Config.describe(NAME)
                        + ": required when the cluster is enabled, so that two hotlines never merge"));
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new ConfigException(Config.describe(NAME) + ": letters, digits, '.', '_' or '-' (1 to 64), got '"
                    + name + "'");
        }
        String host = config.string(HOST, "127.0.0.1").trim();
        if (host.isEmpty() || host.contains(",") || host.contains(" ")) {
            throw new ConfigException(Config.describe(HOST) + ": one address of this machine, got '" + host + "'");
        }
        int port = config.integer(PORT, DEFAULT_PORT, 1, 65535);
        boolean multicast = config.bool(MULTICAST, false);
        List<Member> members = members(config.string(MEMBERS, ""), port);
        if (members.isEmpty() && !multicast) {
            throw new ConfigException(Config.describe(MEMBERS)
                    + ": list the instances as host[:port],host[:port] (or set " + MULTICAST + ")");
        }
        return new ClusterSettings(true, name, members, host, port, config.port(BUS_PORT, 0), multicast,
                config.integer(MEMBER_TIMEOUT_SECONDS, 10, 2, 300));
    }

    private static List<Member> members(String list, int defaultPort) {
        List<Member> members = new ArrayList<>();
        for (String item : list.split(",")) {
            String entry = item.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.lastIndexOf(':');
            String host = colon > 0 ? entry.substring(0, colon) : entry;
            int port = defaultPort;
            if (colon > 0) {
                try {
                    port = Integer.parseInt(entry.substring(colon + 1));
                } catch (NumberFormatException e) {
                    port = -1;
                }
            }
            if (host.isBlank() || host.contains(" ") || port < 1 || port > 65535) {
                throw new ConfigException(Config.describe(MEMBERS) + ": '" + entry + "' is not host or host:port");
            }
            members.add(new Member(host, port));
        }
        return List.copyOf(members);
    }
}
