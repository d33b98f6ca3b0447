package dev.envparity.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A route's answer, the same whether it goes out through the server or a Lambda Function URL.
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
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new HttpAnswer(status, body, contentType, Map.copyOf(h));
    }

    /** Adds the headers this answer does not set itself. */
    HttpAnswer withDefaults(Map<String, String> defaults) {
        Map<String, String> h = new LinkedHashMap<>(defaults);
        h.putAll(headers);
        return new HttpAnswer(status, body, contentType, Map.copyOf(h));
    }

    /** The body as sent. */
    public String text(ObjectMapper json) {
        try {
            return body instanceof String ? (String) body : json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a " + body.getClass().getSimpleName(), e);
        }
    }

    public byte[] bytes(ObjectMapper json) {
        return text(json).getBytes(StandardCharsets.UTF_8);
    }
}
