package hotline.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.impl.ConnectionBase;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What Vert.x's HTTP/1 server does not do for a connection, as two Netty handlers around its request decoder:
 * <ul>
 *   <li>a request head must arrive whole within {@code headerTimeout} of its first byte (or of the connection's
 *   start): a client trickling its headers gets 408 and the connection closes;</li>
 *   <li>while the server waits for the client (for the next request, or for more of a body) and no byte comes for
 *   {@code idleTimeout}, the connection closes (408 when a body was cut short). A request the server is still working
 *   on is not idle;</li>
 *   <li>a body the decoder cannot read (a malformed chunk) is answered 400 before the connection closes; Vert.x would
 *   close it without a word.</li>
 * </ul>
 * One guard per connection; its state is touched only on the connection's event loop.
 */
final class ConnectionGuard {

    private enum Reading { NOTHING, HEAD, BODY }

    private final Duration headerTimeout;
    private final Duration idleTimeout;
    private ChannelHandlerContext writer;
    private Reading reading = Reading.HEAD;
    /** Requests read whole whose response has not ended. */
    private int inFlight;
    /** A response head is written and its end is not: an answer of ours would corrupt it. */
    private boolean responding;
    private ScheduledFuture<?> timer;

    private ConnectionGuard(Duration headerTimeout, Duration idleTimeout) {
        this.headerTimeout = headerTimeout;
        this.idleTimeout = idleTimeout;
    }

    /** Puts a guard into the pipeline of {@code connection}; an HTTP/2 connection (no HTTP/1 decoder) is left alone. */
    static void install(HttpConnection connection, Duration headerTimeout, Duration idleTimeout) {
        ChannelPipeline pipeline = ((ConnectionBase) connection).channelHandlerContext().pipeline();
        if (pipeline.get("httpDecoder") == null || pipeline.get("httpEncoder") == null) {
            return;
        }
        ConnectionGuard guard = new ConnectionGuard(headerTimeout, idleTimeout);
        pipeline.addBefore("httpDecoder", "hotline-bytes", guard.new Bytes());
        // After the encoder: our own answers go through it, and the server's responses pass us on their way out.
        pipeline.addAfter("httpEncoder", "hotline-messages", guard.new Messages());
    }

    /** Sees raw bytes: the first byte of a head starts its clock; bytes of a body reset the idle clock. */
    private final class Bytes extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
                if (reading == Reading.NOTHING) {
                    reading = Reading.HEAD;
                    arm();
                } else if (reading == Reading.BODY) {
                    arm();
                }
            }
            ctx.fireChannelRead(msg);
        }
    }

    /** Sees decoded requests coming in and responses going out. */
    private final class Messages extends ChannelDuplexHandler {
        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            writer = ctx;
            arm();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            // A request head that failed (a full request object) is Vert.x's to answer; a failed body part is ours.
            if (msg instanceof HttpContent content && !(msg instanceof HttpRequest) && content.decoderResult().isFailure()) {
                ReferenceCountUtil.release(msg);
                answerAndClose(HttpResponseStatus.BAD_REQUEST, "the request body cannot be read: "
                        + "malformed chunked transfer encoding", "body");
                return;
            }
            if (msg instanceof HttpRequest) {
                reading = Reading.BODY;
                arm();
            }
            if (msg instanceof LastHttpContent) {
                reading = Reading.NOTHING;
                inFlight++;
                arm();
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
                responding = true;
            }
            if (msg instanceof LastHttpContent && responding) {
                responding = false;
                inFlight = Math.max(0, inFlight - 1);
                arm();
            }
            ctx.write(msg, promise);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            disarm();
            ctx.fireChannelInactive();
        }
    }

    /** Sets the clock of what the connection waits for now, if it waits for the client at all. */
    private void arm() {
        disarm();
        if (writer == null || inFlight > 0 && reading != Reading.BODY) {
            return; // the server is working on a request: not the client's time
        }
        Duration limit = reading == Reading.HEAD ? headerTimeout : idleTimeout;
        if (limit.isZero()) {
            return;
        }
        Reading waitingFor = reading;
        timer = writer.executor().schedule(() -> expired(waitingFor), limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void disarm() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expired(Reading waitingFor) {
        switch (waitingFor) {
            case HEAD -> answerAndClose(HttpResponseStatus.REQUEST_TIMEOUT, "the request head did not arrive within "
                    + headerTimeout.toSeconds() + " s", "headers");
            case BODY -> answerAndClose(HttpResponseStatus.REQUEST_TIMEOUT, "the request body stalled for "
                    + idleTimeout.toSeconds() + " s", "body");
            case NOTHING -> writer.close();
        }
    }

    private void answerAndClose(HttpResponseStatus status, String error, String field) {
        disarm();
        if (responding || !writer.channel().isActive()) {
            writer.close();
            return;
        }
        byte[] json = new JsonObject().put("error", error).put("field", field).encode().getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(json));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
                .set(HttpHeaderNames.CONTENT_LENGTH, json.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        responding = true;
        writer.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
