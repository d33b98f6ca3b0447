package dev.envparity.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.envparity.notify.googlechat.GoogleChatNotifier;
import dev.envparity.report.Severity;
import dev.envparity.testing.LogCapture;
import dev.envparity.testing.StubServer;
import dev.envparity.testing.StubServer.Reply;
import io.vertx.core.Vertx;

/**
 * A webhook URL's secrets are masked in every form a platform may echo them: as sent (percent-encoded), decoded
 * (a Google Chat token ends in {@code %3D}, decoded "="), decoded the form way ("+" as a space), with the other
 * hex case, and JSON-escaped the way Google's APIs write "=" ({@code \u003d}).
 */
class RedactionTest {
    private static final String KEY = "AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI";
    private static final String TOKEN_RAW = "Xw9kL2pQ8vN4rT6yU1iO3aS5dF7gH0jK+z%3D";
    private static final String TOKEN = "Xw9kL2pQ8vN4rT6yU1iO3aS5dF7gH0jK+z=";
    private static final String SPACE_RAW = "AAAAq1w2e3r%2Dspace";
    private static final String SPACE = "AAAAq1w2e3r-space";
    private static final URI URL = URI.create("https://chat.googleapis.com/v1/spaces/" + SPACE_RAW + "/messages?key=" + KEY
            + "&token=" + TOKEN_RAW);
    private static final Vertx VERTX = Vertx.vertx();

    @AfterAll
    static void closeVertx() {
        VERTX.close().toCompletionStage().toCompletableFuture().join();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "token=" + TOKEN_RAW, // as sent
            "token " + TOKEN + " is invalid", // decoded
            "token Xw9kL2pQ8vN4rT6yU1iO3aS5dF7gH0jK z= is invalid", // decoded the form way: "+" is a space
            "token=Xw9kL2pQ8vN4rT6yU1iO3aS5dF7gH0jK+z%3d", // the other hex case
            "{\"message\":\"token Xw9kL2pQ8vN4rT6yU1iO3aS5dF7gH0jK+z\\u003d is invalid\"}", // JSON, "=" escaped
            "space " + SPACE + " not found", // a decoded path segment
            "key " + KEY })
    void masksEveryFormOfTheSecret(String echoed) {
        String scrubbed = Redaction.scrub(echoed, URL);
        for (String secret : List.of(KEY, "Xw9kL2pQ8vN4rT6yU1iO3aS5dF7gH0jK", SPACE_RAW, SPACE)) {
            assertFalse(scrubbed.contains(secret), () -> "secret left in: " + scrubbed);
        }
    }

    @Test
    void leavesOtherWordsAlone() {
        assertEquals("HTTP 400 invalid_blocks", Redaction.scrub("HTTP 400 invalid_blocks", URL));
    }

    /** A platform that answers with the decoded token in its error body: neither the report nor the log shows it. */
    @Test
    void aPlatformEchoingTheDecodedTokenLeaksNothing() {
        try (LogCapture log = LogCapture.start(); StubServer chat = StubServer.http()) {
            String path = "/v1/spaces/" + SPACE_RAW + "/messages";
            // Short enough to be reported whole (WebhookSender cuts error bodies at 200 characters).
            chat.on("/v1/spaces/" + SPACE + "/messages", request -> Reply.json(400, "{\"error\":{\"message\":\"token " + TOKEN
                    + " in " + SPACE + ", token\\u003d" + TOKEN.replace("=", "\\u003d") + "\"}}"));
            Target target = new Target("team-chat", "google-chat", URI.create(chat.url(path) + "?key=" + KEY + "&token=" + TOKEN_RAW),
                    Severity.INFO, Set.of(), Set.of(), Target.Policy.ALWAYS, null);
            WebhookSender.Delivery d = new GoogleChatNotifier().deliver(target, Scenarios.digest("mixed-drift"),
                    Scenarios.report("mixed-drift"), new WebhookSender(VERTX, Duration.ofMillis(50)), Scenarios.JSON,
                    System.nanoTime() + Duration.ofSeconds(10).toNanos()).join();
            assertFalse(d.delivered());
            List<String> seen = new ArrayList<>(log.lines(Level.ALL));
            seen.add(d.error());
            for (String text : seen) {
                for (String secret : List.of(KEY, "Xw9kL2pQ8vN4rT6yU1iO3aS5dF7gH0jK", SPACE)) {
                    assertFalse(text.contains(secret), () -> "secret leaked: " + text);
                }
            }
        }
    }
}
