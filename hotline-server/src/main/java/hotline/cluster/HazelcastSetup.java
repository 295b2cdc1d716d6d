package hotline.cluster;

import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import hotline.config.Config;
import hotline.config.ConfigException;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The Hazelcast cluster manager and the clustered event bus of {@link ClusterSettings}: membership and the event bus
 * both listen on {@code cluster.host} only (never every interface), members are joined from the list over TCP, never
 * by multicast unless {@code cluster.multicast} says so, and Hazelcast never phones home. Start-up waits are cut to
 * what a few instances need (Hazelcast's defaults wait 5 s and more before joining), and a member silent for
 * {@code cluster.memberTimeoutSeconds} is dropped, so the event bus stops sending to a dead instance soon.
 */
public final class HazelcastSetup {

    private HazelcastSetup() {
    }

    /** A cluster manager for {@code settings} (enabled); resolves {@code cluster.host} (blocking). */
    public static ClusterManager clusterManager(ClusterSettings settings) {
        com.hazelcast.config.Config hazelcast = ConfigUtil.loadConfig();
        hazelcast.setClusterName(settings.name());
        hazelcast.setProperty("hazelcast.phone.home.enabled", "false");
        hazelcast.setProperty("hazelcast.logging.type", "slf4j");
        hazelcast.setProperty("hazelcast.socket.bind.any", "false");
        // Vert.x leaves the cluster when the App closes; Hazelcast's own hook would leave it before the App is done.
        hazelcast.setProperty("hazelcast.shutdownhook.enabled", "false");
        hazelcast.setProperty("hazelcast.wait.seconds.before.join", "0");
        hazelcast.setProperty("hazelcast.max.wait.seconds.before.join", "2");
        hazelcast.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        hazelcast.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(settings.memberTimeoutSeconds()));
        hazelcast.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
        hazelcast.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
        NetworkConfig network = hazelcast.getNetworkConfig();
        network.setPort(settings.port()).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).clear().addInterface(address(settings.host()));
        JoinConfig join = network.getJoin();
        join.getAutoDetectionConfig().setEnabled(false);
        join.getMulticastConfig().setEnabled(settings.multicast());
        join.getTcpIpConfig().setEnabled(!settings.multicast()).setConnectionTimeoutSeconds(2)
                .setMembers(settings.members().stream().map(ClusterSettings.Member::toString).toList());
        return new HazelcastClusterManager(hazelcast);
    }

    /** Points the event bus between instances at {@code cluster.host} and {@code cluster.busPort}. */
    public static VertxOptions eventBus(VertxOptions options, ClusterSettings settings) {
        String address = address(settings.host());
        options.getEventBusOptions().setHost(address).setClusterPublicHost(address).setPort(settings.busPort());
        return options;
    }

    /** The IP address of {@code host}: Hazelcast picks its interface by address. */
    private static String address(String host) {
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException e) {
            throw new ConfigException(Config.describe(ClusterSettings.HOST) + ": '" + host + "' is not an address of "
                    + "this machine: " + e.getMessage());
        }
    }
}
