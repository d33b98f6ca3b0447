package dev.envparity.report;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What one environment of one service answered.
 *
 * @param version null when the version could not be read
 * @param error why the probe failed, or null
 * @param checks individual health checks by name
 * @param compare values of the service's {@code compare} pointers
 * @param http status code per endpoint ("health", "version") that answered
 * @param healthUrl the probed endpoint (base URLs carry no credentials; configuration refuses them)
 * @param versionSince when this version was first seen in this environment (the history); null when unknown
 * @param runtime what the version document says the service runs on, by aspect ("java": "Java 17.0.9 (Eclipse
 *        Adoptium)", "framework": "Quarkus 3.8.1"); printable text, empty when the preset publishes none or runtime
 *        parity is off
 * @param tls the protocol and certificate an https environment served the probe; null over http, with TLS checks off,
 *        or when the probe failed before an answer
 * @param securityHeaders the service's security header checklist as this environment's answers met it; null when the
 *        checklist is off or nothing answered
 * @param schema its database migrations, for a service with {@code schema}; null otherwise
 */
@RegisterForReflection
public record EnvironmentReport(
        Health health,
        String version,
        String commit,
        Instant builtAt,
        long latencyMs,
        String error,
        Map<String, Health> checks,
        Map<String, String> compare,
        Map<String, Integer> http,
        String healthUrl,
        String versionUrl,
        Instant versionSince,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> runtime,
        @JsonInclude(JsonInclude.Include.NON_NULL) TlsReport tls,
        @JsonInclude(JsonInclude.Include.NON_NULL) HeaderChecklist securityHeaders,
        @JsonInclude(JsonInclude.Include.NON_NULL) SchemaReport schema) {

    public EnvironmentReport {
        runtime = runtime == null ? Map.of() : runtime;
    }

    /** As probed: when the version was first seen here is for the history to tell. */
    public EnvironmentReport(Health health, String version, String commit, Instant builtAt, long latencyMs, String error,
            Map<String, Health> checks, Map<String, String> compare, Map<String, Integer> http, String healthUrl,
            String versionUrl) {
        this(health, version, commit, builtAt, latencyMs, error, checks, compare, http, healthUrl, versionUrl, null);
    }

    /** Health and version, with when the version was first seen here: what every preset reads. */
    public EnvironmentReport(Health health, String version, String commit, Instant builtAt, long latencyMs, String error,
            Map<String, Health> checks, Map<String, String> compare, Map<String, Integer> http, String healthUrl,
            String versionUrl, Instant versionSince) {
        this(health, version, commit, builtAt, latencyMs, error, checks, compare, http, healthUrl, versionUrl, versionSince,
                Map.of(), null, null, null);
    }

    public boolean reachable() {
        return error == null;
    }

    public EnvironmentReport withVersionSince(Instant since) {
        return new EnvironmentReport(health, version, commit, builtAt, latencyMs, error, checks, compare, http, healthUrl,
                versionUrl, since, runtime, tls, securityHeaders, schema);
    }

    /** The same answer with what the environment runs on. */
    public EnvironmentReport withRuntime(Map<String, String> runtimeSeen) {
        return new EnvironmentReport(health, version, commit, builtAt, latencyMs, error, checks, compare, http, healthUrl,
                versionUrl, versionSince, runtimeSeen, tls, securityHeaders, schema);
    }

    /** The same answer with the protocol and certificate it came with. */
    public EnvironmentReport withTls(TlsReport tlsSeen) {
        return new EnvironmentReport(health, version, commit, builtAt, latencyMs, error, checks, compare, http, healthUrl,
                versionUrl, versionSince, runtime, tlsSeen, securityHeaders, schema);
    }

    /** The same answer with the security headers it came with. */
    public EnvironmentReport withSecurityHeaders(HeaderChecklist seen) {
        return new EnvironmentReport(health, version, commit, builtAt, latencyMs, error, checks, compare, http, healthUrl,
                versionUrl, versionSince, runtime, tls, seen, schema);
    }

    /** The same answer with the migrations its service reported. */
    public EnvironmentReport withSchema(SchemaReport seen) {
        return new EnvironmentReport(health, version, commit, builtAt, latencyMs, error, checks, compare, http, healthUrl,
                versionUrl, versionSince, runtime, tls, securityHeaders, seen);
    }
}
