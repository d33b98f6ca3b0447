package dev.envparity.testing;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;

import io.quarkus.arc.Arc;

/**
 * The server's JAX-RS routes, read from the annotations of every {@code @Path} class of the running application (not a
 * hand-kept list, so a new resource class is covered the moment it exists). Call it inside a {@code @QuarkusTest}.
 */
public final class JaxRsRoutes {

    /**
     * @param template the full path, parameters as {@code {name}} (a regex in the template is left out)
     */
    public record Endpoint(String method, String template, Method java) {
        public String key() {
            return method + " " + template;
        }

        /** The template with each parameter given a value. */
        public String example(Map<String, String> values) {
            String path = template;
            for (var v : values.entrySet()) {
                path = path.replace("{" + v.getKey() + "}", v.getValue());
            }
            return path;
        }
    }

    private JaxRsRoutes() {
    }

    /** Every resource method of the running application. */
    public static List<Endpoint> all() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            String base = resource.getAnnotation(jakarta.ws.rs.Path.class).value();
            for (Method m : resource.getDeclaredMethods()) {
                String method = httpMethod(m);
                if (method != null) {
                    jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
                    endpoints.add(new Endpoint(method, template(base, sub == null ? "" : sub.value()), m));
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::key));
        return endpoints;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod designator = a.annotationType().getAnnotation(HttpMethod.class);
            if (designator != null) {
                return designator.value();
            }
        }
        return null;
    }

    /** "/api" + "report" is "/api/report"; "{provider: [a-z]+}" is "{provider}". */
    static String template(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/").replaceAll("\\{\\s*([\\w-]+)\\s*:[^}]*}", "{$1}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** Quarkus REST makes every resource class a CDI bean: the running application's beans list them all. */
    private static List<Class<?>> resourceClasses() {
        return Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE).stream().<Class<?>>map(Bean::getBeanClass)
                .filter(c -> c.isAnnotationPresent(jakarta.ws.rs.Path.class)).distinct().toList();
    }
}
