package cn.youguang.common;

import io.vertx.core.http.HttpServerRequest;

/**
 * The caller's network address for rate limits, the block list and sign-in slow-down: one rule for every feature. Behind a proxy, enable Quarkus's forwarded
 * headers (quarkus.http.proxy.*) so this is the client's address, not the proxy's.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        if (request == null || request.remoteAddress() == null) {
            return "unknown";
        }
        String host = request.remoteAddress().hostAddress();
        return host == null ? "unknown" : host;
    }
}
