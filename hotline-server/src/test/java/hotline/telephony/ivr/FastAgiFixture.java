package hotline.telephony.ivr;

import hotline.telephony.callback.CallbackDesk;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

/** The FastAGI server of the IVR tests: the packaged flows against test services, on a free loopback port. */
record FastAgiFixture(VirtualThreadAgiServer server, int port) {

    static FastAgiFixture start(List<String> flows, IvrServices services, CallbackDesk callbacks) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        VirtualThreadAgiServer server = new VirtualThreadAgiServer(IvrAgiScript.load(flows, IvrFiles.PACKAGED, services,
                callbacks, Duration.ofSeconds(5), new SimpleMeterRegistry()), InetAddress.getLoopbackAddress(), port);
        server.start();
        return new FastAgiFixture(server, port);
    }
}
