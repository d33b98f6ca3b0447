package dev.envparity.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

/**
 * Who may use a route, decided before it runs, for both transports. With {@code parity.api.token} set, every route
 * but envparity's own health and the sign-in form needs the token — as {@code Authorization: Bearer} or a session
 * ({@link Sessions}) — webhooks prove themselves with their signature, and badges may be made public. Wrong tokens
 * count against the client's address ({@link Throttle}); a throttled address is refused even the right token, or
 * guessing would go on.
 */
@ApplicationScoped
public class Guard {
    static final String HTML = "text/html; charset=utf-8";
    private static final Logger LOG = Logger.getLogger(Guard.class);

    /** Who may use a route. */
    enum Access {
        /** Anyone: envparity's own health, the sign-in form. */
        PUBLIC,
        /** The webhook proves itself: its signature or token is verified before anything else. */
        SIGNED,
        /** The API token, as a bearer header or a session. */
        TOKEN,
        /** The same; a browser without it gets the sign-in form. */
        PAGE,
        /** The same, unless {@code parity.api.public-badges} is true (README images cannot send credentials). */
        BADGE
    }

    private final ApiToken token;
    private final Sessions sessions;
    private final Throttle throttle;
    private final AtomicBoolean toldOpen = new AtomicBoolean();

    @Inject
    public Guard(ApiToken token, Sessions sessions, Throttle throttle) {
        this.token = token;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    /** @return the refusal (401, 429), or empty when the request may use a route of this kind */
    Optional<HttpAnswer> admit(Access access, HttpRequest r) {
        if (access == Access.PUBLIC || access == Access.SIGNED || access == Access.BADGE && token.badgesArePublic()) {
            return Optional.empty();
        }
        if (!token.required()) {
            if (toldOpen.compareAndSet(false, true)) {
                LOG.warn("parity.api.token is not set: the dashboard, badges, GET /api/report, GET /api/history and "
                        + "POST /api/check answer anyone who can reach envparity");
            }
            return Optional.empty();
        }
        if (sessions.valid(r)) {
            return Optional.empty();
        }
        Optional<String> bearer = ApiToken.bearer(r.header("authorization"));
        if (bearer.isPresent()) {
            OptionalLong wait = throttle.retryAfter(r.client());
            if (wait.isPresent()) {
                return Optional.of(throttled(access == Access.PAGE, wait.getAsLong()));
            }
            if (token.matches(bearer.get())) {
                return Optional.empty();
            }
            throttle.failed(r.client());
        }
        if (access == Access.PAGE) {
            return Optional.of(signInPage(401, null));
        }
        String error = bearer.isPresent() ? ", error=\"invalid_token\"" : ""; // RFC 6750 §3
        return Optional.of(HttpAnswer.error(401, access == Access.BADGE ? "sign in, or set parity.api.public-badges: true"
                : "a valid bearer token is required (parity.api.token)").withHeader("WWW-Authenticate", "Bearer realm=\"envparity\"" + error));
    }

    /** POST /login, form field {@code token}: opens a session and goes back to the dashboard. */
    HttpAnswer signIn(HttpRequest r) {
        if (!token.required()) {
            return new HttpAnswer(303, "", HTML, Map.of("Location", "./"));
        }
        OptionalLong wait = throttle.retryAfter(r.client());
        if (wait.isPresent()) {
            return throttled(true, wait.getAsLong());
        }
        String given = formField(new String(r.body(), StandardCharsets.UTF_8), "token");
        if (given == null || !token.matches(given)) {
            throttle.failed(r.client());
            return signInPage(401, "That is not the token.");
        }
        return new HttpAnswer(303, "", HTML, Map.of("Location", "./", "Set-Cookie", Sessions.cookie(sessions.open(), r.https())));
    }

    /** POST /logout: ends the session (every copy of its cookie stops working) and clears the cookie. */
    HttpAnswer signOut(HttpRequest r) {
        sessions.end(r);
        return new HttpAnswer(303, "", HTML, Map.of("Location", "./", "Set-Cookie", Sessions.cleared(r.https())));
    }

    /** Whether pages should offer signing out. */
    boolean sessionsInUse() {
        return token.required();
    }

    boolean badgesArePublic() {
        return token.badgesArePublic();
    }

    private static HttpAnswer throttled(boolean page, long seconds) {
        String message = "too many failed attempts from your address; try again in " + seconds + " s";
        HttpAnswer answer = page ? signInPage(429, message) : HttpAnswer.error(429, message);
        return answer.withHeader("Retry-After", String.valueOf(seconds));
    }

    private static HttpAnswer signInPage(int status, String error) {
        return new HttpAnswer(status, Templates.login(error).render(), HTML, Map.of());
    }

    private static String formField(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            try {
                if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException badEscape) {
                return null;
            }
        }
        return null;
    }
}
