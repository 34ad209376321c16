package cn.youguang.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Nothing personal is kept by a browser or proxy cache: answers to changes (tokens, receipts with query codes,
 * invitation codes) get {@code no-store}, and signed-in reads {@code private, no-store}. Public reads set their
 * own Cache-Control (see {@link HttpCaching}).
 */
public class NoStoreFilter {

    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            return;
        }
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        } else if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private, no-store");
        }
    }
}
