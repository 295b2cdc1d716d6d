package hotline.http;

import io.vertx.ext.web.openapi.router.RouterBuilder;

/**
 * A capability's share of the HTTP API: it attaches its handlers to its operations of {@code openapi.yaml}, by
 * operationId. Request parameters and bodies arrive validated against the contract.
 */
public interface ApiRoutes {

    void mount(RouterBuilder builder);
}
