package dev.envparity.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.envparity.probe.http.Fetched;

/** Realistic documents from src/test/resources/formats, wrapped as responses for the pure parsers. */
public final class Fixtures {
    private Fixtures() {
    }

    public static String read(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/formats/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Fetched response(int status, String contentType, String body, String... headers) {
        Map<String, String> h = new HashMap<>();
        h.put("content-type", contentType);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.put(headers[i].toLowerCase(Locale.ROOT), headers[i + 1]);
        }
        return new Fetched(URI.create("http://127.0.0.1/x"), status, h, body.getBytes(StandardCharsets.UTF_8));
    }
}
