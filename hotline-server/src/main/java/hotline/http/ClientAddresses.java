package hotline.http;

import hotline.config.Config;
import hotline.config.ConfigException;
import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a request comes from, for limits kept per client address. Behind a reverse proxy every request arrives from
 * the proxy, so the proxies named in {@value #TRUSTED_PROXIES} (comma-separated IP addresses, none by default) are
 * looked through: the client is the right-most {@code X-Forwarded-For} entry that is not a trusted proxy, the one the
 * nearest trusted proxy saw. Entries to its left were written by the client and can say anything. (Vert.x's own
 * forwarded-header support takes the left-most entry, from any peer: a client could dodge the limits with it.)
 */
public final class ClientAddresses {

    public static final String TRUSTED_PROXIES = "http.trustedProxies";
    private static final String FORWARDED_FOR = "X-Forwarded-For";
    /** Longest address kept; anything longer from a proxy's header is cut. */
    private static final int MAX_LENGTH = 64;

    private final Set<String> trustedProxies;

    public ClientAddresses(Config config) {
        this.trustedProxies = Arrays.stream(config.string(TRUSTED_PROXIES, "").split(","))
                .map(String::trim).filter(entry -> !entry.isEmpty())
                .map(entry -> canonical(entry).orElseThrow(() -> new ConfigException(
                        Config.describe(TRUSTED_PROXIES) + ": '" + entry + "' is not an IP address")))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The address of the client that sent {@code request}. */
    public String of(HttpServerRequest request) {
        return of(request.remoteAddress().hostAddress(), request.getHeader(FORWARDED_FOR));
    }

    /** The client's address, given the connection's peer and its {@code X-Forwarded-For} header (or null). */
    public String of(String peer, String forwardedFor) {
        String client = canonical(peer).orElse(peer);
        if (forwardedFor != null) {
            List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::trim).toList();
            for (int i = hops.size() - 1; i >= 0 && trustedProxies.contains(client); i--) {
                client = canonical(hops.get(i)).orElse(hops.get(i));
            }
        }
        return client.length() > MAX_LENGTH ? client.substring(0, MAX_LENGTH) : client;
    }

    /** One spelling per address ({@code ::1} and {@code 0:0:0:0:0:0:0:1} are one); empty when not an IP literal. */
    private static Optional<String> canonical(String text) {
        if (!NetUtil.isValidIpV4Address(text) && !NetUtil.isValidIpV6Address(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text).getHostAddress());
        } catch (UnknownHostException cannotHappenForALiteral) {
            return Optional.empty();
        }
    }
}
