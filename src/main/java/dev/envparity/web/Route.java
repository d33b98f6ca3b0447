package dev.envparity.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.envparity.web.Guard.Access;

/**
 * Every HTTP route and who may use it, once for both transports: the server's JAX-RS resources
 * ({@code trigger.http}) serve each with {@link Routes#serve}, and a Lambda Function URL request finds its
 * route through {@link Routes#dispatch}, so both answer exactly the same.
 */
public enum Route {
    DASHBOARD("GET", "/", "/", Access.PAGE),
    /** One service's page: its timeline, promotions and lead times. */
    SERVICE("GET", "/services/{service}", "/services/([^/]+)", Access.PAGE),
    SIGN_IN("POST", "/login", "/login", Access.PUBLIC),
    SIGN_OUT("POST", "/logout", "/logout", Access.PAGE),
    REPORT("GET", "/api/report", "/api/report", Access.TOKEN),
    CHECK("POST", "/api/check", "/api/check", Access.TOKEN),
    HISTORY("GET", "/api/history/{service}", "/api/history/([^/]+)", Access.TOKEN),
    HOOK("POST", "/hooks/{provider}", "/hooks/([a-z0-9-]+)", Access.SIGNED),
    BADGE("GET", "/badge/{service}.svg", "/badge/(.+)\\.svg", Access.BADGE),
    /** The server leaves {@code /q/*} to Quarkus; on Lambda, which has no HTTP listener, {@link Routes} answers it. */
    HEALTH("GET", "/q/health", "/q/health", Access.PUBLIC),
    LIVENESS("GET", "/q/health/live", "/q/health/live", Access.PUBLIC),
    READINESS("GET", "/q/health/ready", "/q/health/ready", Access.PUBLIC);

    private final String method;
    private final String template;
    private final Pattern path;
    private final Access access;

    Route(String method, String template, String path, Access access) {
        this.method = method;
        this.template = template;
        this.path = Pattern.compile("^" + path + "$");
        this.access = access;
    }

    public String method() {
        return method;
    }

    /** The path as the README and the JAX-RS resources write it, parameters as {@code {name}}. */
    public String template() {
        return template;
    }

    Access access() {
        return access;
    }

    /** @param path normalised (no trailing slash) */
    Matcher matcher(String path) {
        return this.path.matcher(path);
    }
}
