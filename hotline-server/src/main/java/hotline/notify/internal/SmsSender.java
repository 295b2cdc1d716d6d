package hotline.notify.internal;

import hotline.config.Config;
import hotline.config.ConfigException;
import hotline.notify.RenderedMessage;
import hotline.notify.Sender;
import hotline.notify.SmsGateway;
import hotline.notify.SmsMessage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.lang.reflect.InvocationTargetException;
import java.util.Optional;

/**
 * Text messages through the configured {@link SmsGateway}: {@value #ADAPTER} {@code http-json} (the default, the
 * generic {@link HttpJsonSmsGateway}) or the class name of a provider's own adapter. SMS is off while
 * {@value HttpJsonSmsGateway#URL} is unset for the generic adapter.
 */
public final class SmsSender implements Sender {

    public static final String ADAPTER = "notify.sms.adapter";

    private final SmsGateway gateway;

    public SmsSender(SmsGateway gateway) {
        this.gateway = gateway;
    }

    public static Optional<Sender> configured(Vertx vertx, Config config) {
        String adapter = config.string(ADAPTER, "http-json");
        if ("http-json".equals(adapter)) {
            return config.string(HttpJsonSmsGateway.URL).isEmpty() ? Optional.empty()
                    : Optional.of(new SmsSender(new HttpJsonSmsGateway(vertx, config)));
        }
        try {
            Object made = Class.forName(adapter).getConstructor(Vertx.class, Config.class).newInstance(vertx, config);
            if (!(made instanceof SmsGateway gateway)) {
                throw new ConfigException(Config.describe(ADAPTER) + ": " + adapter + " is not an SmsGateway");
            }
            return Optional.of(new SmsSender(gateway));
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new ConfigException(Config.describe(ADAPTER) + ": " + adapter
                    + " must be a class with a public constructor (Vertx, Config): " + e);
        } catch (InvocationTargetException e) {
            throw new ConfigException(Config.describe(ADAPTER) + ": " + adapter + " failed: " + e.getCause());
        }
    }

    @Override
    public Future<Void> send(long deliveryId, String address, RenderedMessage message) {
        return gateway.send(new SmsMessage(Long.toString(deliveryId), address, message.body()));
    }

    @Override
    public Future<Void> close() {
        return gateway.close();
    }
}
