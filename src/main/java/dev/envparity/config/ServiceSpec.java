package dev.envparity.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.envparity.report.Ownership;

/**
 * One service, fully resolved: presets applied, URLs parsed, every value checked.
 *
 * @param urls base URL per environment, in promotion order
 * @param versionPointer JSON Pointer to the version; "" means the whole (text) body
 * @param commitPointer may be null
 * @param builtAtPointer may be null
 * @param versionHeader response header read when the body has no version; may be null
 * @param headers sent with every probe; values are secrets and never printed
 * @param checks what it is checked for beyond its version (runtime parity)
 * @param repository where to ask what waits between two environments' commits; may be null
 * @param ownership owner, runbook and rollback note (the defaults filled in)
 * @param promoteUrl the promote link template; may be null
 */
public record ServiceSpec(
        String name,
        Map<String, URI> urls,
        String healthPath,
        String versionPath,
        String versionPointer,
        String commitPointer,
        String builtAtPointer,
        String versionHeader,
        List<String> compare,
        Map<String, String> headers,
        Duration timeout,
        List<String> aliases,
        ServiceChecks checks,
        Repository repository,
        Ownership ownership,
        String promoteUrl) {

    public URI healthUri(String environment) {
        return join(urls.get(environment), healthPath);
    }

    public URI versionUri(String environment) {
        return join(urls.get(environment), versionPath);
    }

    /** The migrations endpoint; only for a service with {@code schema}. */
    public URI schemaUri(String environment) {
        return join(urls.get(environment), checks.schema().path());
    }

    /**
     * Whether a configured path makes a URL once appended to a base URL (spaces, '|' or a broken %-escape do not):
     * checked at start-up, so that no probe ever builds an invalid one.
     */
    static boolean isUrlPath(String path) {
        try {
            URI.create("http://host" + path);
            return path.startsWith("/");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Appends the path to the base URL's path; URI.resolve would drop a base path such as /app. */
    static URI join(URI base, String path) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
    }

    @Override
    public String toString() {
        // Header values are credentials: name them, never print them.
        return "ServiceSpec[" + name + ", urls=" + urls + ", headers=" + headers.keySet() + "]";
    }
}
