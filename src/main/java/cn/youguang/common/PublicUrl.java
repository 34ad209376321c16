package cn.youguang.common;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Absolute URLs of this service as phones reach it (youguang.public-url), for links placed in responses. */
@ApplicationScoped
public class PublicUrl {

    private final String base;

    public PublicUrl(@ConfigProperty(name = "youguang.public-url") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String of(String path) {
        return base + (path.startsWith("/") ? path : "/" + path);
    }
}
