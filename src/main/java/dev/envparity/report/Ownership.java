package dev.envparity.report;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Who to call about a service and what to do when it breaks, from configuration; shown in every report, digest and
 * dashboard.
 *
 * @param owner may be null
 * @param runbook a URL, or null
 * @param rollback a short note or a URL, or null
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Ownership(Owner owner, String runbook, String rollback) {
    public static final Ownership NONE = new Ownership(null, null, null);
}
