package dev.envparity.report;

import java.time.Instant;
import java.util.Map;

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
        Instant versionSince) {

    /** As probed: when the version was first seen here is for the history to tell. */
    public EnvironmentReport(Health health, String version, String commit, Instant builtAt, long latencyMs, String error,
            Map<String, Health> checks, Map<String, String> compare, Map<String, Integer> http, String healthUrl,
            String versionUrl) {
        this(health, version, commit, builtAt, latencyMs, error, checks, compare, http, healthUrl, versionUrl, null);
    }

    public boolean reachable() {
        return error == null;
    }

    public EnvironmentReport withVersionSince(Instant since) {
        return new EnvironmentReport(health, version, commit, builtAt, latencyMs, error, checks, compare, http, healthUrl,
                versionUrl, since);
    }
}
