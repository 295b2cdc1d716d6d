package hotline.telephony.switchboard.internal;

import hotline.common.ConflictException;
import hotline.common.InvalidInputException;
import hotline.common.NotFoundException;
import io.vertx.core.Future;
import io.vertx.core.file.FileProps;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /api/calls/{uniqueid}/recording}: streams the file Asterisk recorded for the call, whole (200) or the one
 * byte range asked for (206, {@code Accept-Ranges: bytes}), as the console's audio player needs. 422 for a malformed
 * uniqueid, 404 when the call is
 * unknown or has no recording; 409 when its file is not reachable from this instance (no recordings directory here,
 * the file absent, or a header without audio); 416 for a range beyond the end. File work goes through Vert.x's
 * asynchronous file system: the event loop never blocks. Stateless.
 */
public final class RecordingStreamer {

    private static final Pattern UNIQUEID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** A WAV file this small is a header without audio. */
    static final long WAV_HEADER_BYTES = 44;

    private final CallRecordStore calls;
    private final RecordingFiles files;

    public RecordingStreamer(CallRecordStore calls, RecordingFiles files) {
        this.calls = calls;
        this.files = files;
    }

    public void stream(RoutingContext ctx) {
        String uniqueid = ctx.pathParam("uniqueid");
        if (uniqueid == null || !UNIQUEID.matcher(uniqueid).matches()) {
            throw new InvalidInputException("uniqueid",
                    "must be Asterisk's uniqueid of a call (1 to 64 of A-Z a-z 0-9 . _ -)");
        }
        calls.recording(uniqueid)
                .map(name -> name.orElseThrow(() -> new NotFoundException("call " + uniqueid + " has no recording")))
                .compose(name -> file(ctx, name).compose(file -> ctx.vertx().fileSystem().props(file.toString())
                        .recover(e -> Future.failedFuture(unreachable(name, "no such file here")))
                        .compose(props -> send(ctx, name, file, props))))
                .onFailure(ctx::fail);
    }

    private Future<Path> file(RoutingContext ctx, String name) {
        if (!files.configured()) {
            return Future.failedFuture(unreachable(name,
                    "this instance has no recordings directory (telephony.recordingsDir)"));
        }
        Optional<Path> file = files.resolve(name);
        return file.map(Future::succeededFuture).orElseGet(() ->
                Future.failedFuture(unreachable(name, "the name does not lie inside the recordings directory")));
    }

    private static Future<Void> send(RoutingContext ctx, String name, Path file, FileProps props) {
        long size = props.size();
        if (!props.isRegularFile() || size <= WAV_HEADER_BYTES) {
            return Future.failedFuture(unreachable(name, "the file holds no audio"));
        }
        HttpServerResponse response = ctx.response().putHeader("Accept-Ranges", "bytes")
                .putHeader("Content-Type", contentType(name)).putHeader("Cache-Control", "private, no-store");
        Optional<ByteRange> range;
        try {
            range = ByteRange.of(ctx.request().getHeader("Range"), size);
        } catch (ByteRange.NotSatisfiable e) {
            response.putHeader("Content-Range", "bytes */" + size);
            return Future.failedFuture(new HttpException(416, e.getMessage()));
        }
        if (range.isEmpty()) {
            return response.sendFile(file.toString());
        }
        return response.setStatusCode(206).putHeader("Content-Range", range.get().contentRange(size))
                .sendFile(file.toString(), range.get().first(), range.get().length());
    }

    private static ConflictException unreachable(String name, String why) {
        return new ConflictException("recording " + name + " is not reachable from this instance: " + why);
    }

    private static String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".wav")) {
            return "audio/wav";
        }
        return lower.endsWith(".gsm") ? "audio/x-gsm" : "application/octet-stream";
    }
}
