package cn.youguang.feedback;

import io.vertx.core.http.HttpServerRequest;

/**
 * The caller's network address for rate limits and the block list. Behind a proxy, enable Quarkus's forwarded
 * headers (quarkus.http.proxy.*) so this is the client's address, not the proxy's.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServerRequest request) {
        if (request == null || request.remoteAddress() == null) {
            return "unknown";
        }
        String host = request.remoteAddress().hostAddress();
        return host == null ? "unknown" : host;
    }
}
