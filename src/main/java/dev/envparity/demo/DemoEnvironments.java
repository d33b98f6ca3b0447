package dev.envparity.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The built-in demo: a staging and a production environment of five services, served on an ephemeral
 * loopback port from inside the envparity process, with deliberate drift — checkout in sync, payments
 * waiting for promotion, search hot-fixed straight to production, inventory DOWN in production, and ledger
 * behind a gateway that answers 502. The {@code demo} profile points its services here.
 */
public final class DemoEnvironments {
    /** The demo profile's URLs read the port from this property. */
    public static final String PORT_PROPERTY = "envparity.demo.port";

    private static final String JSON = "application/json";
    private static final String HEALTH_JSON = "application/health+json";
    private static final String COMMIT_A = "4f2a9c1e7b3d5f6a8c9e0b1d2f3a4b5c6d7e8f90";
    private static final String COMMIT_B = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d";

    private record Answer(int status, String contentType, String body) {
    }

    private final Map<String, Answer> routes = new HashMap<>();

    private DemoEnvironments(Instant now) {
        String sixDaysAgo = now.minus(6, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String yesterday = now.minus(Duration.ofHours(26)).truncatedTo(ChronoUnit.SECONDS).toString();
        String twoWeeksAgo = now.minus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

        for (String env : new String[] { "staging", "production" }) {
            route("/checkout/" + env + "/actuator/health", 200, JSON, "{\"status\":\"UP\",\"components\":{"
                    + "\"db\":{\"status\":\"UP\",\"details\":{\"database\":\"PostgreSQL\"}},"
                    + "\"diskSpace\":{\"status\":\"UP\",\"details\":{\"total\":499963174912,\"free\":91300536320}},"
                    + "\"ping\":{\"status\":\"UP\"}}}");
            route("/checkout/" + env + "/actuator/info", 200, JSON, springInfo("2.4.0", COMMIT_A.substring(0, 7), sixDaysAgo));
        }

        route("/payments/staging/q/health", 200, JSON, microProfileUp());
        route("/payments/production/q/health", 200, JSON, microProfileUp());
        route("/payments/staging/q/info", 200, JSON, springInfo("1.9.0", COMMIT_B, yesterday));
        route("/payments/production/q/info", 200, JSON, springInfo("1.8.3", COMMIT_A, twoWeeksAgo));

        for (String env : new String[] { "staging", "production" }) {
            route("/search/" + env + "/__heartbeat__", 200, JSON,
                    "{\"status\":\"ok\",\"checks\":{\"check_elasticsearch\":\"ok\",\"check_migrations\":\"ok\"},\"details\":{}}");
        }
        route("/search/staging/__version__", 200, JSON, dockerflowVersion("3.1.0", COMMIT_A));
        route("/search/production/__version__", 200, JSON, dockerflowVersion("3.2.0", COMMIT_B));

        route("/inventory/staging/health", 200, HEALTH_JSON, healthJson("pass", "pass"));
        route("/inventory/production/health", 503, HEALTH_JSON, healthJson("fail", "fail"));

        route("/ledger/staging/health", 200, "text/plain", "ok");
        route("/ledger/staging/version", 200, "text/plain", "0.9.1\n");
        String badGateway = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        route("/ledger/production/health", 502, "text/html", badGateway);
        route("/ledger/production/version", 502, "text/html", badGateway);
    }

    private void route(String path, int status, String contentType, String body) {
        routes.put(path, new Answer(status, contentType, body));
    }

    /**
     * Starts the demo environments on 127.0.0.1 and an ephemeral port, on daemon threads that end with the JVM.
     *
     * @return the port
     */
    public static int startOnLoopback() {
        return start().getAddress().getPort();
    }

    /** Starts a demo server; the caller stops it. */
    public static HttpServer start() {
        DemoEnvironments demo = new DemoEnvironments(Instant.now());
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService threads = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "demo-environments");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(threads);
            server.createContext("/", demo::answer);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the demo environments on loopback", e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            Answer a = routes.getOrDefault(exchange.getRequestURI().getPath(), new Answer(404, "text/plain", "not found"));
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", a.contentType());
            exchange.sendResponseHeaders(a.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String springInfo(String version, String commit, String builtAt) {
        return "{\"build\":{\"artifact\":\"service\",\"version\":\"" + version + "\",\"time\":\"" + builtAt + "\"},"
                + "\"git\":{\"branch\":\"main\",\"commit\":{\"id\":\"" + commit + "\",\"time\":\"" + builtAt + "\"}},"
                + "\"java\":{\"version\":\"17.0.12\"}}";
    }

    private static String microProfileUp() {
        return "{\"status\":\"UP\",\"checks\":[{\"name\":\"Database connections health check\",\"status\":\"UP\"},"
                + "{\"name\":\"Kafka connection health check\",\"status\":\"UP\"}]}";
    }

    private static String dockerflowVersion(String version, String commit) {
        return "{\"source\":\"https://github.com/acme/search\",\"version\":\"" + version + "\",\"commit\":\"" + commit
                + "\",\"build\":\"https://ci.example.com/search/builds/812\"}";
    }

    private static String healthJson(String status, String db) {
        return "{\"status\":\"" + status + "\",\"version\":\"5.2.0\",\"releaseId\":\"5.2.0-" + COMMIT_A.substring(0, 8)
                + "\",\"serviceId\":\"inventory\",\"checks\":{\"postgres:connections\":[{\"componentType\":\"datastore\","
                + "\"status\":\"" + db + "\"}],\"uptime\":[{\"componentType\":\"system\",\"status\":\"pass\"}]}}";
    }
}
