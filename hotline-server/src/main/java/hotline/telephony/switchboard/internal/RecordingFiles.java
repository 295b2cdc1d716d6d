package hotline.telephony.switchboard.internal;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where this instance finds the files Asterisk's MixMonitor wrote. A call record keeps the recording's name as the
 * dialplan gave it ({@code hotline/20261123/1700000100.11.wav}, relative to Asterisk's monitor directory); it is
 * resolved under the configured directory (that monitor directory, or a mount of it). A name that is not a plain
 * relative path of letters, digits, {@code _ . / -}, or that would leave the directory ({@code ..}), resolves to
 * nothing: the name arrives from the AMI and is not trusted. Immutable.
 */
public final class RecordingFiles {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./-]{0,254}");

    private final Path root;

    /** @param root the recordings directory of this instance; null when none is configured */
    public RecordingFiles(Path root) {
        this.root = root == null ? null : root.toAbsolutePath().normalize();
    }

    /** True when this instance has a recordings directory at all. */
    public boolean configured() {
        return root != null;
    }

    /** The file of recording {@code name} under the directory; empty when not configured or the name is refused. */
    public Optional<Path> resolve(String name) {
        if (root == null || name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = root.resolve(name).normalize();
        return file.startsWith(root) && !file.equals(root) ? Optional.of(file) : Optional.empty();
    }
}
