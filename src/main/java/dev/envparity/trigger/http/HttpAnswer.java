package dev.envparity.trigger.http;

import java.util.Map;

/**
 * A route's answer, the same whether it goes out through the server (JAX-RS) or a Lambda Function URL.
 *
 * @param body serialised as JSON unless it is a String (sent as is, with {@code contentType})
 */
public record HttpAnswer(int status, Object body, String contentType, Map<String, String> headers) {

    public static HttpAnswer json(int status, Object body) {
        return new HttpAnswer(status, body, "application/json", Map.of());
    }

    public static HttpAnswer error(int status, String message) {
        return json(status, new ApiError(message));
    }

    public HttpAnswer withHeader(String name, String value) {
        Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put(name, value);
        return new HttpAnswer(status, body, contentType, Map.copyOf(h));
    }
}
