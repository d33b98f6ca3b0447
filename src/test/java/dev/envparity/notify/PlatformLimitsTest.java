package dev.envparity.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every golden payload against its platform's documented limits (each formatter cites its platform's page): a
 * message over a limit is refused by the platform, so a team would see nothing at all.
 */
class PlatformLimitsTest {

    static Stream<String> scenarios() {
        return Scenarios.NAMES.stream();
    }

    private static JsonNode golden(String type, String scenario) throws IOException {
        return Scenarios.JSON.readTree(Files.readString(GoldenFilesTest.file(type, scenario), StandardCharsets.UTF_8));
    }

    private static int compactBytes(JsonNode node) throws IOException {
        return Scenarios.JSON.writeValueAsBytes(node).length;
    }

    private static void atMost(int limit, int actual, String what) {
        assertTrue(actual <= limit, what + ": " + actual + " > " + limit);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void slack(String scenario) throws IOException {
        JsonNode m = golden("slack", scenario);
        atMost(40_000, m.get("text").asText().length(), "text");
        atMost(50, m.get("blocks").size(), "blocks");
        for (JsonNode b : m.get("blocks")) {
            switch (b.get("type").asText()) {
                case "header":
                    assertEquals("plain_text", b.at("/text/type").asText());
                    atMost(150, b.at("/text/text").asText().length(), "header");
                    break;
                case "section":
                    atMost(3000, b.at("/text/text").asText().length(), "section text");
                    break;
                case "context":
                    atMost(10, b.get("elements").size(), "context elements");
                    break;
                default:
                    throw new AssertionError("unexpected block " + b);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void discord(String scenario) throws IOException {
        JsonNode m = golden("discord", scenario);
        atMost(2000, m.get("content").asText().length(), "content");
        atMost(10, m.get("embeds").size(), "embeds");
        assertEquals(0, m.at("/allowed_mentions/parse").size(), "mentions must be disabled");
        int total = 0;
        for (JsonNode e : m.get("embeds")) {
            atMost(256, e.path("title").asText().length(), "title");
            atMost(4096, e.path("description").asText().length(), "description");
            atMost(2048, e.at("/footer/text").asText().length(), "footer");
            atMost(25, e.path("fields").size(), "fields");
            total += e.path("title").asText().length() + e.path("description").asText().length()
                    + e.at("/footer/text").asText().length();
            for (JsonNode f : e.path("fields")) {
                atMost(256, f.get("name").asText().length(), "field name");
                atMost(1024, f.get("value").asText().length(), "field value");
                total += f.get("name").asText().length() + f.get("value").asText().length();
            }
        }
        atMost(6000, total, "characters across embeds");
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void teams(String scenario) throws IOException {
        JsonNode m = golden("teams", scenario);
        assertEquals("message", m.get("type").asText());
        assertEquals("application/vnd.microsoft.card.adaptive", m.at("/attachments/0/contentType").asText());
        assertEquals("1.4", m.at("/attachments/0/content/version").asText());
        atMost(28 * 1024, compactBytes(m), "bytes (Teams fails above ~28 KB)");
        atMost(20 * 1024, compactBytes(m), "bytes (our 20 KB budget)");
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void googleChat(String scenario) throws IOException {
        JsonNode m = golden("google-chat", scenario);
        atMost(32_000, compactBytes(m), "bytes");
        assertEquals("envparity-digest", m.at("/cardsV2/0/cardId").asText());
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void mattermost(String scenario) throws IOException {
        JsonNode m = golden("mattermost", scenario);
        int chars = m.get("text").asText().length();
        for (JsonNode a : m.get("attachments")) {
            chars += a.path("text").asText().length() + a.path("footer").asText().length() + a.path("fallback").asText().length();
            for (JsonNode f : a.path("fields")) {
                chars += f.get("title").asText().length() + f.get("value").asText().length();
            }
        }
        atMost(16_383, chars, "characters");
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void webhookIsTheJsonReport(String scenario) throws IOException {
        JsonNode m = golden("webhook", scenario);
        assertEquals(Scenarios.report(scenario).services().size(), m.get("services").size());
        assertTrue(m.has("id") && m.has("severity") && m.has("environments"));
    }

    /** A big report is cut, most severe first, and says how much was left out. */
    @Test
    void truncationKeepsTheMostSevereAndSaysHowManyMore() throws IOException {
        JsonNode slack = golden("slack", "300-drifting");
        assertTrue(slack.at("/blocks/2/text/text").asText().startsWith("🟠"), "first shown is a warning");
        assertTrue(slack.toString().contains("… and 255 more services need attention"), slack.toString());
        for (String type : new String[] { "discord", "teams", "google-chat", "mattermost" }) {
            assertTrue(golden(type, "300-drifting").toString().contains("more services need attention"), type);
        }
    }
}
