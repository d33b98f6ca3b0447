package dev.envparity.probe;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.envparity.config.CheckPlan;
import dev.envparity.config.ServiceChecks.SchemaTool;
import dev.envparity.config.ServiceSpec;
import dev.envparity.net.QuietConnections;
import dev.envparity.probe.health.HealthParser;
import dev.envparity.probe.health.HealthReading;
import dev.envparity.probe.schema.SchemaReader;
import dev.envparity.probe.version.VersionReader;
import dev.envparity.probe.version.VersionReading;
import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.Health;
import dev.envparity.report.SchemaReport;
import dev.envparity.report.TlsReport;
import dev.envparity.report.UntrustedText;
import io.quarkus.runtime.Startup;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.TrustOptions;
import dev.envparity.probe.http.Fetched;
import dev.envparity.probe.http.Fetcher;
import dev.envparity.probe.http.ProbeFailure;
import dev.envparity.probe.http.SecurityHeaderCheck;
import dev.envparity.probe.http.TlsTrust;

/**
 * Probes every (service, environment) pair at once, health and version endpoints in parallel, with at most
 * {@code parity.probe.concurrency} requests in flight. Each request has its service's timeout as its whole
 * budget, one retry included, so a run lasts about as long as its slowest probe. Never throws: every failure
 * becomes the environment's {@code error}.
 */
@ApplicationScoped
@Startup // opens the trust store at start-up: a wrong password stops the process, not every check later
public class Prober {
    private static final long BACKOFF_MILLIS = 100;
    /** A retry needs at least this much budget left to be worth starting. */
    private static final long MIN_ATTEMPT_MILLIS = 50;

    private final HttpClient client;
    private final Fetcher fetcher;
    private final AsyncLimiter limiter;

    @Inject
    public Prober(Vertx vertx, CheckPlan plan) {
        this(vertx, plan.probe());
    }

    public Prober(Vertx vertx, CheckPlan.ProbeSettings settings) {
        HttpClientOptions options = new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1)
                .setVerifyHost(true).setTryUseCompression(false).setMaxRedirects(0);
        var extraTrust = TlsTrust.trustManager(settings.trustStore(), settings.trustStorePassword());
        if (extraTrust != null) {
            options.setTrustOptions(TrustOptions.wrap(extraTrust));
        }
        this.client = vertx.httpClientBuilder().with(options)
                .with(new PoolOptions().setHttp1MaxSize(settings.concurrency()).setMaxWaitQueueSize(-1))
                .withConnectHandler(QuietConnections::quietly).build();
        this.fetcher = new Fetcher(vertx, client, settings.maxBodyBytes(), settings.maxRedirects(), "envparity");
        this.limiter = new AsyncLimiter(settings.concurrency());
    }


    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * Every request starts at once; the answers are read here, on the calling thread, while the event loop goes on
     * with the others — so that parsing never delays the moment another answer is taken off the wire.
     *
     * @return per service name, per environment in promotion order
     */
    public Map<String, Map<String, EnvironmentReport>> probeAll(List<ServiceSpec> services, List<String> environments) {
        Map<String, Map<String, CompletableFuture<Exchanges>>> pending = new LinkedHashMap<>();
        for (ServiceSpec s : services) {
            Map<String, CompletableFuture<Exchanges>> perEnv = new LinkedHashMap<>();
            environments.forEach(env -> perEnv.put(env, exchanges(s, env)));
            pending.put(s.name(), perEnv);
        }
        Map<String, Map<String, EnvironmentReport>> results = new LinkedHashMap<>();
        pending.forEach((service, perEnv) -> {
            Map<String, EnvironmentReport> done = new LinkedHashMap<>();
            perEnv.forEach((env, f) -> done.put(env, f.join().report()));
            results.put(service, done);
        });
        return results;
    }

    public CompletableFuture<EnvironmentReport> probe(ServiceSpec spec, String environment) {
        return exchanges(spec, environment).thenApply(Exchanges::report);
    }

    private CompletableFuture<Exchanges> exchanges(ServiceSpec spec, String environment) {
        URI healthUri;
        URI versionUri;
        URI schemaUri;
        try {
            healthUri = spec.healthUri(environment);
            versionUri = spec.versionUri(environment);
            schemaUri = spec.checks().schema() == null ? null : spec.schemaUri(environment);
        } catch (IllegalArgumentException e) {
            // Configuration checks every path at start-up; should one still not make a URL, this environment fails alone.
            return CompletableFuture.completedFuture(new Exchanges(spec, environment, false, null, null, null, e));
        }
        boolean shared = healthUri.equals(versionUri);
        CompletableFuture<Exchange> health = fetch(healthUri, spec, HealthParser::isHealthDocument);
        CompletableFuture<Exchange> version = shared ? health : fetch(versionUri, spec, f -> false);
        // The migrations endpoint, for a service that opted in: read alongside, never part of reachable or healthy.
        CompletableFuture<Exchange> schema = schemaUri == null ? CompletableFuture.completedFuture(null)
                : fetch(schemaUri, spec, f -> false);
        return health.thenCombine(version, (h, v) -> new Exchanges(spec, environment, shared, h, v, null, null))
                .exceptionally(t -> new Exchanges(spec, environment, shared, null, null, null, t))
                .thenCombine(schema, Exchanges::withSchema);
    }

    /**
     * Both answers of one environment (one when health and version share a URL), the migrations endpoint's answer when
     * the service has one, or why the probe failed.
     */
    private record Exchanges(ServiceSpec spec, String environment, boolean shared, Exchange health, Exchange version,
            Exchange schema, Throwable failure) {

        Exchanges withSchema(Exchange answer) {
            return new Exchanges(spec, environment, shared, health, version, answer, failure);
        }

        EnvironmentReport report() {
            if (failure != null) {
                return failed(spec, environment, "probe failed: " + asFailure(failure).getMessage());
            }
            try {
                return assemble(spec, environment, shared, health, version).withSchema(migrations());
            } catch (RuntimeException e) {
                return failed(spec, environment, "probe failed: " + asFailure(e).getMessage());
            }
        }

        /** The migrations, or why they could not be read; null for a service without schema. */
        private SchemaReport migrations() {
            if (schema == null) {
                return null;
            }
            SchemaTool tool = spec.checks().schema().tool();
            String url = Fetcher.display(schema.uri());
            if (schema.response() == null) {
                return SchemaReport.failed(tool.id, url, schema.failure().getMessage());
            }
            try {
                return SchemaReader.read(tool, schema.response());
            } catch (ProbeFailure e) {
                return SchemaReport.failed(tool.id, url, e.getMessage());
            }
        }
    }

    /**
     * One request, retry included: its response or its failure, and its latency — the answer's time on the wire
     * ({@link Fetched#wireNanos()}), or for a failure how long it took to fail.
     */
    record Exchange(URI uri, Fetched response, ProbeFailure failure, long latencyMs) {
    }

    private CompletableFuture<Exchange> fetch(URI uri, ServiceSpec spec, Predicate<Fetched> answered) {
        return limiter.submit(() -> {
            long start = System.nanoTime();
            long deadline = start + spec.timeout().toNanos();
            return attempt(uri, spec, deadline, answered, true).handle((response, error) -> new Exchange(uri, response,
                    error == null ? null : asFailure(error),
                    TimeUnit.NANOSECONDS.toMillis(error == null ? response.wireNanos() : System.nanoTime() - start)));
        });
    }

    private CompletableFuture<Fetched> attempt(URI uri, ServiceSpec spec, long deadline, Predicate<Fetched> answered,
            boolean first) {
        return fetcher.get(uri, spec.headers(), deadline, spec.timeout()).handle((response, error) -> {
            boolean worthRetry = first && (error != null ? asFailure(error).retryable()
                    : response.status() >= 500 && !answered.test(response));
            long backoff = BACKOFF_MILLIS + ThreadLocalRandom.current().nextLong(BACKOFF_MILLIS);
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (worthRetry && left > backoff + MIN_ATTEMPT_MILLIS) {
                return CompletableFuture.supplyAsync(() -> null,
                        CompletableFuture.delayedExecutor(backoff, TimeUnit.MILLISECONDS))
                        .thenCompose(ignored -> attempt(uri, spec, deadline, answered, false));
            }
            return error == null ? CompletableFuture.completedFuture(response)
                    : CompletableFuture.<Fetched>failedFuture(asFailure(error));
        }).thenCompose(f -> f);
    }

    private static ProbeFailure asFailure(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && !(c instanceof ProbeFailure)) {
            c = c.getCause();
        }
        return c instanceof ProbeFailure ? (ProbeFailure) c : new ProbeFailure("request failed: "
                + (c.getMessage() == null ? "no reason given" : UntrustedText.excerpt(c.getMessage(), 120)), false);
    }

    private static EnvironmentReport assemble(ServiceSpec spec, String env, boolean shared, Exchange h, Exchange v) {
        Map<String, Integer> http = new LinkedHashMap<>();
        HealthReading health = null;
        String healthError = null;
        if (h.response() != null) {
            http.put("health", h.response().status());
            try {
                health = HealthParser.read(h.response());
            } catch (ProbeFailure e) {
                healthError = e.getMessage();
            }
        } else {
            healthError = h.failure().getMessage();
        }
        VersionReading version = null;
        String versionError = null;
        if (v.response() != null) {
            http.put("version", v.response().status());
            try {
                version = VersionReader.read(v.response(), shared, spec);
            } catch (ProbeFailure e) {
                versionError = e.getMessage();
            }
        } else {
            versionError = v.failure().getMessage();
        }
        return new EnvironmentReport(
                health == null ? Health.UNKNOWN : health.health(),
                version == null ? null : version.version(),
                version == null ? null : version.commit(),
                version == null ? null : version.builtAt(),
                Math.max(h.latencyMs(), v.latencyMs()),
                error(spec, env, shared, healthError, versionError),
                health == null ? Map.of() : health.checks(),
                version == null ? Map.of() : version.compare(),
                http,
                Fetcher.display(h.uri()),
                Fetcher.display(v.uri()),
                null, // when the version was first seen here: the history's to tell
                version == null ? Map.of() : version.runtime(),
                spec.checks().tls() ? tls(h, v) : null,
                SecurityHeaderCheck.read(spec.checks().securityHeaders(),
                        Stream.of(h, v).map(Exchange::response).filter(Objects::nonNull).toList()),
                null);
    }

    /** What the health answer's connection negotiated, else the version answer's; null over http. */
    private static TlsReport tls(Exchange h, Exchange v) {
        for (Exchange e : List.of(h, v)) {
            if (e.response() != null && e.response().tls() != null) {
                return e.response().tls().report();
            }
        }
        return null;
    }

    /** "GET https://…/actuator/health: HTTP 404 Not Found", naming each endpoint only when it matters. */
    private static String error(ServiceSpec spec, String env, boolean shared, String healthError, String versionError) {
        if (healthError == null && versionError == null) {
            return null;
        }
        if (shared || Objects.equals(healthError, versionError)) {
            String reason = healthError != null ? healthError : versionError;
            return (shared ? Fetcher.display(spec.healthUri(env)) : Fetcher.display(spec.urls().get(env))) + ": " + reason;
        }
        StringBuilder sb = new StringBuilder();
        if (healthError != null) {
            sb.append("health ").append(Fetcher.display(spec.healthUri(env))).append(": ").append(healthError);
        }
        if (versionError != null) {
            sb.append(sb.length() > 0 ? "; " : "").append("version ").append(Fetcher.display(spec.versionUri(env)))
                    .append(": ").append(versionError);
        }
        return sb.toString();
    }

    private static EnvironmentReport failed(ServiceSpec spec, String env, String error) {
        return new EnvironmentReport(Health.UNKNOWN, null, null, null, 0, error, Map.of(), Map.of(), Map.of(),
                Fetcher.display(spec.healthUri(env)), Fetcher.display(spec.versionUri(env)));
    }
}
