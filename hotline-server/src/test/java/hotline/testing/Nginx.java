package hotline.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Debian's nginx running the project's own {@code conf/nginx.conf} in front of the servers of a test: a copy with the
 * test's upstream ports, a free 127.0.0.1 port to listen on, and the pid file, logs and temporary files in a temporary
 * directory, run in the foreground ({@code daemon off}) and stopped by its process id. Skips the calling test when
 * nginx is not installed.
 */
public final class Nginx implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/nginx");
    private static final Path SHIPPED = Path.of("conf/nginx.conf");

    private final Path dir;
    private final int port;
    private final Process process;

    private Nginx(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts nginx on a free loopback port in front of the servers listening on {@code upstreamPorts} of 127.0.0.1. */
    public static Nginx start(List<Integer> upstreamPorts) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "nginx is not installed (apt-get install nginx)");
        // nginx's workers run as 'nobody' when it starts as root: they must be able to enter this folder.
        Path dir = Files.createTempDirectory("hotline-nginx",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        int port = Ports.free(1)[0];
        Path config = dir.resolve("nginx.conf");
        Files.writeString(config, forTest(Files.readString(shipped()), dir, port, upstreamPorts));
        Process process = new ProcessBuilder(BINARY.toString(), "-c", config.toString(), "-p", dir.toString(),
                "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        Nginx nginx = new Nginx(dir, port, process);
        try {
            Await.until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("nginx exited: " + read(dir.resolve("nginx.out")));
                }
                return nginx.accepting();
            }, Duration.ofSeconds(10));
        } catch (RuntimeException | AssertionError e) {
            nginx.close();
            throw e;
        }
        return nginx;
    }

    /**
     * The shipped configuration with the test's addresses: upstream lines, listen port, pid and log files, and the
     * temporary folders (their defaults under /var/lib/nginx belong to the system's nginx).
     */
    static String forTest(String shipped, Path dir, int port, List<Integer> upstreamPorts) {
        String upstreams = upstreamPorts.stream()
                .map(upstream -> "        server 127.0.0.1:" + upstream + " max_fails=1 fail_timeout=5s;")
                .collect(Collectors.joining("\n"));
        String temporary = Stream.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
                .map(kind -> "    " + kind + "_temp_path " + dir.resolve(kind + "_temp") + ";")
                .collect(Collectors.joining("\n"));
        String config = shipped
                .replaceFirst("(?m)^user .*;$", "user nobody nogroup;")
                .replaceFirst("(?m)^worker_processes .*;$", "worker_processes 1;")
                .replaceFirst("(?m)^pid .*;$", "pid " + dir.resolve("nginx.pid") + ";")
                .replaceFirst("(?m)^error_log .*;$", "error_log " + dir.resolve("error.log") + " warn;")
                .replaceFirst("(?m)^    access_log .*;$", "    access_log " + dir.resolve("access.log") + ";\n"
                        + temporary)
                .replaceFirst("(?m)(^        server 10\\.0\\.0\\.\\d+:8080 .*;\\n)+", upstreams + "\n")
                .replaceFirst("(?m)^        listen 80;$", "        listen 127.0.0.1:" + port + ";");
        if (config.contains("10.0.0.") || config.contains("listen 80;") || config.contains("/var/log/")) {
            throw new IllegalStateException("conf/nginx.conf changed its shape; adapt hotline.testing.Nginx");
        }
        return config;
    }

    public int port() {
        return port;
    }

    /** The master's process id (its workers are its children). */
    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The access log so far, one line per request. */
    public List<String> accessLog() throws IOException {
        Path log = dir.resolve("access.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private boolean accepting() {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** SIGTERM to the master (quick shutdown), SIGKILL if it lingers; then its folder goes. */
    @Override
    public void close() {
        try {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** conf/nginx.conf of the checkout (the tests run in hotline-server/, the file is one level up). */
    private static Path shipped() {
        return Files.exists(SHIPPED) ? SHIPPED : Path.of("..").resolve(SHIPPED);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
