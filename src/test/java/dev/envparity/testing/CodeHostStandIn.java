package dev.envparity.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * What the GitHub and GitLab stand-ins share: a loopback server on an ephemeral port that records every request (with
 * its raw, still-encoded path), checks the token, and can answer slowly or hang.
 */
public abstract class CodeHostStandIn implements AutoCloseable {
    protected static final ObjectMapper JSON = new ObjectMapper();

    /** What the stand-in received. */
    public record Request(String method, String rawPath, String query, Map<String, List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }

        /** A query parameter's value, decoded. */
        public String param(String name) {
            if (query == null) {
                return null;
            }
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) {
                    return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }
    }

    /** An answer: status, headers, JSON body. */
    protected record Answer(int status, Map<String, String> headers, String body) {
        static Answer json(int status, Object body, Map<String, String> headers) {
            try {
                return new Answer(status, headers, JSON.writeValueAsString(body));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "code-host-stand-in");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    protected final String token;
    private volatile long delayMillis;
    private volatile boolean hang;

    protected CodeHostStandIn(String token) {
        this.token = token;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** http://127.0.0.1:port */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public void forget() {
        requests.clear();
    }

    /** Every answer waits this long first. */
    public void slow(long millis) {
        this.delayMillis = millis;
    }

    /** Accepts requests and never answers (until closed). */
    public void hang() {
        this.hang = true;
    }

    /** The answer to one request. */
    protected abstract Answer answer(Request request);

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, new ArrayList<>(v)));
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers);
            requests.add(request);
            if (hang) {
                stopping.await(5, TimeUnit.MINUTES);
                return;
            }
            if (delayMillis > 0) {
                stopping.await(delayMillis, TimeUnit.MILLISECONDS);
            }
            Answer answer = answer(request);
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (a timeout): nothing to answer
        }
    }

    /** Whether the request carries the token (or none is required). */
    protected boolean authorized(Request request) {
        return token == null || ("Bearer " + token).equals(request.header("Authorization"));
    }

    protected static ObjectNode object() {
        return JSON.createObjectNode();
    }

    @Override
    public void close() {
        stopping.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
