package cn.youguang.testing;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

/**
 * A typed configuration interface (a @ConfigMapping) answered from a map, for constructing beans outside the
 * application: values by method name, Optional methods empty unless given.
 */
public final class ConfigStubs {

    private ConfigStubs() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T of(Class<T> type, Map<String, Object> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            if (values.containsKey(method.getName())) {
                Object value = values.get(method.getName());
                return method.getReturnType() == Optional.class && !(value instanceof Optional) ? Optional.ofNullable(value) : value;
            }
            if (method.getReturnType() == Optional.class) {
                return Optional.empty();
            }
            if (method.getName().equals("toString")) {
                return type.getSimpleName() + values;
            }
            throw new IllegalStateException("No stub value for " + type.getSimpleName() + "." + method.getName());
        });
    }
}
