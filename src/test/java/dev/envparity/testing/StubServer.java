package dev.envparity.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A real HTTP(S) server on 127.0.0.1 and an ephemeral port, for tests. Routes answer canned responses, in
 * sequence when several are given (the last one repeats); they can delay, hang until the server stops,
 * stream a body without a length, send the headers long before the body, or read the request and close the
 * connection without an answer. Records every request and the highest number in flight at once.
 */
public final class StubServer implements AutoCloseable {

    /** One canned answer. */
    public static final class Reply {
        final int status;
        final byte[] body;
        final Map<String, String> headers = new ConcurrentHashMap<>();
        long delayMillis;
        long bodyDelayMillis;
        boolean hang;
        boolean chunked;
        boolean dropAfterRequest;

        private Reply(int status, byte[] body) {
            this.status = status;
            this.body = body;
        }

        public static Reply json(int status, String body) {
            return new Reply(status, body.getBytes(StandardCharsets.UTF_8)).header("Content-Type", "application/json");
        }

        public static Reply text(int status, String body) {
            return new Reply(status, body.getBytes(StandardCharsets.UTF_8)).header("Content-Type", "text/plain");
        }

        public static Reply of(int status, String contentType, String body) {
            return new Reply(status, body.getBytes(StandardCharsets.UTF_8)).header("Content-Type", contentType);
        }

        public static Reply bytes(int status, byte[] body) {
            return new Reply(status, body).header("Content-Type", "application/octet-stream");
        }

        public static Reply redirect(int status, String location) {
            return new Reply(status, new byte[0]).header("Location", location);
        }

        /** Accepts the request and never answers (until the server stops). */
        public static Reply hang() {
            Reply r = new Reply(200, new byte[0]);
            r.hang = true;
            return r;
        }

        /** Reads the whole request, then closes the connection without answering. */
        public static Reply dropAfterRequest() {
            Reply r = new Reply(0, new byte[0]);
            r.dropAfterRequest = true;
            return r;
        }

        public Reply header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Reply delay(long millis) {
            this.delayMillis = millis;
            return this;
        }

        /**
         * Sends the status line and headers at once, then waits this long before the body (or, with
         * {@link #hang()}-like patience, until the server stops when {@code millis} is negative).
         */
        public Reply slowBody(long millis) {
            this.bodyDelayMillis = millis;
            return this;
        }

        /** Sends the body without Content-Length, so only the byte count can tell its size. */
        public Reply chunked() {
            this.chunked = true;
            return this;
        }
    }

    /** What the server received. */
    public record Request(String method, String path, String query, Headers headers, String body) {
        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "stub-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, List<Reply>> routes = new ConcurrentHashMap<>();
    private final Map<String, java.util.function.Function<Request, Reply>> dynamic = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    private StubServer(HttpServer server) {
        this.server = server;
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public static StubServer http() {
        try {
            return new StubServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HTTPS with the self-signed certificate in src/test/resources/tls (CN=localhost, SAN 127.0.0.1). */
    public static StubServer https() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = StubServer.class.getResourceAsStream("/tls/stub-server.p12")) {
                ks.load(in, "changeit".toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, "changeit".toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            s.setHttpsConfigurator(new HttpsConfigurator(ctx));
            return new StubServer(s);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTPS stub", e);
        }
    }

    /**
     * HTTPS with a certificate of the test's own ({@link TestCertificates}), negotiating only {@code protocols} when
     * some are given ("TLSv1.2").
     */
    public static StubServer https(KeyStore ks, String... protocols) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, TestCertificates.PASSWORD.toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            s.setHttpsConfigurator(new HttpsConfigurator(ctx) {
                @Override
                public void configure(com.sun.net.httpserver.HttpsParameters params) {
                    javax.net.ssl.SSLParameters p = ctx.getDefaultSSLParameters();
                    if (protocols.length > 0) {
                        p.setProtocols(protocols);
                    }
                    params.setSSLParameters(p);
                }
            });
            return new StubServer(s);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTPS stub", e);
        }
    }

    /** A port nobody listens on: connecting to it is refused. */
    public static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public StubServer on(String path, Reply... replies) {
        routes.put(path, List.of(replies));
        served.put(path, new AtomicInteger());
        return this;
    }

    /** Answers each request to {@code path} with what {@code answer} makes of it (a stand-in for an API). */
    public StubServer on(String path, java.util.function.Function<Request, Reply> answer) {
        dynamic.put(path, answer);
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + port();
    }

    public String url(String path) {
        return url() + path;
    }

    public List<Request> requests() {
        return Collections.unmodifiableList(new ArrayList<>(requests));
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    public void reset() {
        requests.clear();
        maxInFlight.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), body);
            requests.add(request);
            if (dynamic.containsKey(path)) {
                send(exchange, dynamic.get(path).apply(request));
                return;
            }
            List<Reply> replies = routes.get(path);
            if (replies == null) {
                send(exchange, Reply.text(404, "no stub for " + path));
                return;
            }
            int n = served.get(path).getAndIncrement();
            Reply reply = replies.get(Math.min(n, replies.size() - 1));
            if (reply.hang) {
                stopping.await(5, TimeUnit.MINUTES);
                return;
            }
            if (reply.dropAfterRequest) {
                return; // closing an exchange that sent no headers closes its connection
            }
            if (reply.delayMillis > 0) {
                Thread.sleep(reply.delayMillis);
            }
            if (reply.bodyDelayMillis != 0) {
                sendSlowly(exchange, reply);
                return;
            }
            send(exchange, reply);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        boolean empty = reply.body.length == 0;
        exchange.sendResponseHeaders(reply.status, reply.chunked ? 0 : empty ? -1 : reply.body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body);
            }
        }
    }

    private void sendSlowly(HttpExchange exchange, Reply reply) throws IOException, InterruptedException {
        reply.headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(reply.status, 0);
        OutputStream out = exchange.getResponseBody();
        out.flush();
        if (reply.bodyDelayMillis < 0) {
            stopping.await(5, TimeUnit.MINUTES);
        } else {
            stopping.await(reply.bodyDelayMillis, TimeUnit.MILLISECONDS);
        }
        out.write(reply.body);
        out.close();
    }

    @Override
    public void close() {
        stopping.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
