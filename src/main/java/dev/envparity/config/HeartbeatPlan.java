package dev.envparity.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A dead man's switch ({@code parity.heartbeat.*}): after every check envparity calls a URL, the way healthchecks.io,
 * Cronitor and Better Stack expect, so that a checker that stopped is noticed by something else.
 *
 * @param url empty when there is no heartbeat; a secret (the URL is the credential), never printed
 * @param failUrl called instead when the check could not run or a notification failed
 * @param post POST a one-line summary instead of a GET
 * @param timeout a heartbeat never holds a check longer than this
 */
public record HeartbeatPlan(Optional<URI> url, Optional<URI> failUrl, boolean post, Duration timeout) {
    private static final Duration MAX_TIMEOUT = Duration.ofSeconds(30);

    static HeartbeatPlan resolve(ParityConfig.Heartbeat heartbeat, Problems problems) {
        Optional<URI> url = SecretUrls.check("parity.heartbeat.url", heartbeat.url(), problems);
        Optional<URI> fail = SecretUrls.check("parity.heartbeat.fail-url", heartbeat.failUrl(), problems);
        if (heartbeat.failUrl().filter(u -> !u.isBlank()).isPresent() && heartbeat.url().filter(u -> !u.isBlank()).isEmpty()) {
            problems.add("parity.heartbeat.fail-url: set parity.heartbeat.url too; the success ping is the heartbeat");
        }
        boolean post = switch (heartbeat.method()) {
            case "get" -> false;
            case "post" -> true;
            default -> {
                problems.add("parity.heartbeat.method: unknown method; use get or post");
                yield false;
            }
        };
        if (heartbeat.timeout().isZero() || heartbeat.timeout().isNegative() || heartbeat.timeout().compareTo(MAX_TIMEOUT) > 0) {
            problems.add("parity.heartbeat.timeout: must be between 1ms and 30s");
        }
        // healthchecks.io and Better Stack take a failure at <ping URL>/fail.
        return new HeartbeatPlan(url, fail.isPresent() ? fail : url.map(HeartbeatPlan::withFail), post, heartbeat.timeout());
    }

    private static URI withFail(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "" : url.getRawPath();
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        return URI.create(url.getScheme() + "://" + url.getRawAuthority() + (path.endsWith("/") ? path + "fail" : path + "/fail") + query);
    }

    /** Never the URLs. */
    @Override
    public String toString() {
        return "HeartbeatPlan[" + (url.isPresent() ? "on" : "off") + ", " + (post ? "post" : "get") + ", timeout=" + timeout + "]";
    }
}
