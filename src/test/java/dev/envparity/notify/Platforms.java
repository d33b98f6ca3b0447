package dev.envparity.notify;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import dev.envparity.notify.console.ConsoleNotifier;
import dev.envparity.notify.discord.DiscordNotifier;
import dev.envparity.notify.googlechat.GoogleChatNotifier;
import dev.envparity.notify.mattermost.MattermostNotifier;
import dev.envparity.notify.slack.SlackNotifier;
import dev.envparity.notify.teams.TeamsNotifier;
import dev.envparity.notify.webhook.WebhookNotifier;

/**
 * Every notifier, for the shared tests. {@code NotifierRegistryTest} checks this list against the CDI beans,
 * so a new platform cannot skip its golden files and contract tests.
 */
final class Platforms {
    private Platforms() {
    }

    static List<Notifier<?>> all() {
        return List.of(new SlackNotifier(), new TeamsNotifier(), new DiscordNotifier(), new GoogleChatNotifier(),
                new MattermostNotifier(), new WebhookNotifier(Clock.fixed(Scenarios.AT, ZoneOffset.UTC)), new ConsoleNotifier());
    }

    /** The ones that post over HTTP. */
    static List<Notifier<?>> posting() {
        return all().stream().filter(Notifier::needsUrl).toList();
    }
}
