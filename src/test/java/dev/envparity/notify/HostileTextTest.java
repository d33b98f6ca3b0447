package dev.envparity.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.envparity.notify.Digest.Change;
import dev.envparity.report.Health;
import dev.envparity.report.Owner;
import dev.envparity.report.ParityReport;
import dev.envparity.report.ServiceReport;
import dev.envparity.report.Severity;
import dev.envparity.report.Status;
import dev.envparity.state.TargetState;
import dev.envparity.report.Link;

/**
 * Nothing a service reports can forge a chat message or a terminal line, on any platform: no control character
 * (ESC, BEL, CR, C1, bidi overrides) survives, no injected newline starts a fake "all in sync" line, and no
 * mention or link syntax the platform parses gets through. Three digests per platform: the hostile-text golden
 * scenario, a deploy summary whose headline carries a hostile version, and a digest with every text field
 * hostile — so a formatter that forgets to escape a field fails here, whichever field it is.
 */
class HostileTextTest {
    private static final String HOSTILE = String.join(" ", Scenarios.CLEAR_SCREEN, Scenarios.SLACK_MENTIONS,
            Scenarios.MENTIONS, Scenarios.LINK, Scenarios.SLACK_LINK, Scenarios.RIGHT_TO_LEFT, Scenarios.TERMINAL_LINK,
            "\u0085\u2028\u0000\u007f", Scenarios.FAKE_LINE);
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x09\\x0B-\\x1F\\x7F-\\x9F\\u061C\\u200E\\u200F"
            + "\\u202A-\\u202E\\u2066-\\u2069\\u2028\\u2029]");
    private static final Pattern FAKE_LINE_START = Pattern.compile("^[\\s•*_>#`-]*✅ All 12 services");
    private static final String RAW_LINK = "[click here](";
    /** What each platform parses out of text, that must never arrive live. */
    private static final Map<String, List<Pattern>> LIVE_SYNTAX = Map.of(
            "slack", List.of(Pattern.compile("<")),
            "mattermost", List.of(Pattern.compile("<"), Pattern.compile("@[A-Za-z0-9]"), Pattern.compile(Pattern.quote(RAW_LINK))),
            "discord", List.of(Pattern.compile("(?<!\\\\)<"), Pattern.compile(Pattern.quote(RAW_LINK))),
            "teams", List.of(Pattern.compile(Pattern.quote(RAW_LINK)), Pattern.compile("<at>")),
            // Card text is HTML: only the tags the formatter writes itself.
            "google-chat", List.of(Pattern.compile("<(?!/?b>|br>|font color=\"#[0-9a-f]{6}\">|/font>)")),
            "console", List.of());
    /** Google Chat's message text is not HTML: "<users/all>" there mentions everyone. */
    private static final List<Pattern> GOOGLE_CHAT_TEXT = List.of(Pattern.compile("<(?!\u200B)"),
            Pattern.compile(Pattern.quote("](")));

    static Stream<Arguments> cases() {
        return Platforms.all().stream().filter(n -> !n.type().equals("webhook"))
                .flatMap(n -> Stream.of("hostile-text", "deploy", "every-field", "pending-owners").map(d -> Arguments.of(n.type(), d)));
    }

    static Digest digest(String variant) {
        ParityReport report = Scenarios.report("hostile-text");
        switch (variant) {
            case "hostile-text":
                return Scenarios.digest("hostile-text");
            case "pending-owners":
                return Scenarios.digest("pending-owners");
            case "deploy":
                ServiceReport api = report.services().get(0);
                Rollout rollout = new Rollout(api.name(), report.environments().get(0), "generic", "2.0 " + HOSTILE, null, true,
                        Duration.ofSeconds(38));
                return Digests.deploy(report, report.environments(), rollout, api, api, Change.NEW,
                        new TargetState.Failure(Scenarios.AT.minus(Duration.ofMinutes(5)), HOSTILE));
            default:
                List<Link> links = List.of(Link.of("View differences", "https://github.com/acme/x/compare/a...b?q=" + HOSTILE)
                        .orElseThrow(), Link.of("Runbook", "https://wiki.example.com/" + HOSTILE).orElseThrow());
                Digest.Changes changes = new Digest.Changes(HOSTILE, List.of(HOSTILE, HOSTILE), 3, links);
                Digest.Item item = new Digest.Item(HOSTILE, Status.UNHEALTHY, Severity.CRITICAL, Change.NEW,
                        List.of(new Digest.Cell(HOSTILE, HOSTILE, Health.DOWN, HOSTILE, true),
                                new Digest.Cell(HOSTILE, HOSTILE, Health.UNKNOWN, null, false)),
                        List.of(HOSTILE, HOSTILE), changes,
                        new Digest.Contact(new Owner(HOSTILE, null, null, null, null), true, HOSTILE, links));
                return new Digest(HOSTILE, Severity.CRITICAL, HOSTILE, List.of(item), List.of(HOSTILE), 1, 0, HOSTILE,
                        report.id(), Scenarios.AT, HOSTILE, false, changes);
        }
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("cases")
    void nothingAServiceReportsCanForgeTheMessage(String type, String variant) {
        Notifier<?> notifier = GoldenFilesTest.notifier(type);
        Digest digest = digest(variant);
        Object payload = notifier.payload(digest, Scenarios.report("hostile-text"));
        List<String> ours = OwnMarkup.of(type, digest);
        List<String[]> texts = new ArrayList<>();
        if (payload instanceof String) {
            texts.add(new String[] { "", (String) payload });
        } else {
            collect("", Scenarios.JSON.valueToTree(payload), texts);
        }
        for (String[] field : texts) {
            // envparity's own links and the configured mentions are the only markup allowed to be live.
            for (String own : ours) {
                field[1] = field[1].replace(own, "");
            }
            String where = type + " " + field[0] + ": " + field[1];
            assertFalse(CONTROL.matcher(field[1]).find(), () -> "a control character survived in " + where);
            for (String line : field[1].split("\n")) {
                assertFalse(FAKE_LINE_START.matcher(line).find(), () -> "an injected line in " + where);
            }
            List<Pattern> live = type.equals("google-chat") && field[0].equals("/text") ? GOOGLE_CHAT_TEXT : LIVE_SYNTAX.get(type);
            for (Pattern p : live) {
                assertFalse(p.matcher(field[1]).find(), () -> "live syntax " + p + " in " + where);
            }
        }
        if (type.equals("discord")) {
            JsonNode json = Scenarios.JSON.valueToTree(payload);
            assertEquals(0, json.path("allowed_mentions").path("parse").size(), "Discord pings nobody from text");
            assertTrue(json.path("allowed_mentions").path("parse").isArray());
            List<String> roles = new ArrayList<>();
            json.path("allowed_mentions").path("roles").forEach(r -> roles.add(r.asText()));
            assertEquals(digest.mentioned().stream().map(Owner::discord).filter(id -> id != null).toList(), roles,
                    "only the configured owners' roles may ping");
        }
        if (type.equals("teams")) {
            assertFalse(Scenarios.JSON.valueToTree(payload).toString().contains("\"entities\""), "Teams cards carry no mention entities");
        }
    }

    private static void collect(String path, JsonNode node, List<String[]> out) {
        if (node.isTextual()) {
            out.add(new String[] { path, node.asText() });
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(path + "/" + e.getKey(), e.getValue(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "/" + i, node.get(i), out);
            }
        }
    }
}
