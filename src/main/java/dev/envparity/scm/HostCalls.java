package dev.envparity.scm;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;

import dev.envparity.config.Repository;
import dev.envparity.report.Durations;

/**
 * One code host's calls, each turned into its answer or an {@link ScmException} that says in one sentence what went
 * wrong — never with the token, never with the host's own error text (it may echo what was sent). Keeps the host's
 * {@link RateLimit}.
 */
final class HostCalls {
    private final Repository.Host host;
    private final RateLimit limit;
    private final Duration timeout;

    HostCalls(Repository.Host host, RateLimit limit, Duration timeout) {
        this.host = host;
        this.limit = limit;
        this.timeout = timeout;
    }

    /**
     * @param what the repository and commits, for the sentence of a 404: "acme/checkout or one of 9e8d7c6, 4f2a9c1"
     * @return the answer, with a body
     */
    <T> RestResponse<T> call(Supplier<RestResponse<T>> request, String what) {
        limit.check();
        RestResponse<T> answer;
        try {
            answer = request.get();
        } catch (WebApplicationException e) {
            throw refused(e.getResponse(), what);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
        limit.observe(answer.getHeaders(), false);
        if (answer.getEntity() == null) {
            throw new ScmException(host.label + " answered HTTP " + answer.getStatus() + " without a comparison");
        }
        return answer;
    }

    private ScmException refused(Response response, String what) {
        int status = response.getStatus();
        boolean limited = status == 429 || status == 403 && says(response, "rate limit");
        if (limit.observe(response.getHeaders(), limited) && (limited || status == 403)) {
            return limit.limited();
        }
        String key = "parity.scm." + host.id + ".token";
        return new ScmException(switch (status) {
            case 401 -> host.label + " refused the token (HTTP 401); check " + key;
            case 403 -> host.label + " denied access to " + what + " (HTTP 403); the token needs read access to the "
                    + "repository's contents";
            case 404 -> host.label + " does not know " + what + " (HTTP 404), or the token cannot see the repository";
            default -> host.label + " answered HTTP " + status;
        });
    }

    /** Whether an error body says so; only this is read of it, never repeated. */
    private static boolean says(Response response, String words) {
        try {
            return response.hasEntity() && response.readEntity(String.class).toLowerCase(Locale.ROOT).contains(words);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private ScmException unreachable(ProcessingException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c.getClass().getSimpleName().contains("Timeout")) {
                return new ScmException(host.label + " did not answer within " + Durations.human(timeout));
            }
            if (c instanceof ConnectException) {
                return new ScmException("could not reach " + host.label + " (connection refused)");
            }
            if (c instanceof UnknownHostException) {
                return new ScmException("could not reach " + host.label + " (unknown host)");
            }
        }
        return new ScmException("could not reach " + host.label + " (" + e.getClass().getSimpleName() + ")");
    }
}
