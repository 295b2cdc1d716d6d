package hotline.telephony.switchboard.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of an HTTP {@code Range} header ({@code bytes=0-99}, {@code bytes=100-}, {@code bytes=-500}), as an
 * audio player asks for a file piece by piece. Only single ranges are served; several ranges, another unit or a
 * malformed header are ignored (the whole file is sent, as RFC 9110 allows). Immutable.
 *
 * @param first  the first byte, from 0
 * @param length the number of bytes, at least 1
 */
public record ByteRange(long first, long length) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /** Thrown for a range wholly beyond the end of the file (HTTP 416). */
    public static final class NotSatisfiable extends RuntimeException {
        public NotSatisfiable(long size) {
            super("the range is beyond the end of the recording (" + size + " bytes)", null, false, false);
        }
    }

    /** The range {@code header} asks for in a file of {@code size} bytes; empty for the whole file. */
    public static Optional<ByteRange> of(String header, long size) {
        Matcher matcher = header == null ? null : SINGLE.matcher(header.strip());
        if (matcher == null || !matcher.matches() || matcher.group(1).isEmpty() && matcher.group(2).isEmpty()) {
            return Optional.empty();
        }
        if (matcher.group(1).isEmpty()) {
            long suffix = Long.parseLong(matcher.group(2));
            if (suffix == 0) {
                throw new NotSatisfiable(size);
            }
            long length = Math.min(suffix, size);
            return Optional.of(new ByteRange(size - length, length));
        }
        long first = Long.parseLong(matcher.group(1));
        long last = matcher.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(matcher.group(2)), size - 1);
        if (first >= size) {
            throw new NotSatisfiable(size);
        }
        if (last < first) {
            return Optional.empty();
        }
        return Optional.of(new ByteRange(first, last - first + 1));
    }

    /** The {@code Content-Range} value of this range in a file of {@code size} bytes. */
    public String contentRange(long size) {
        return "bytes " + first + "-" + (first + length - 1) + "/" + size;
    }
}
