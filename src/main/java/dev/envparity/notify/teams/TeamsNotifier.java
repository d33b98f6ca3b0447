package dev.envparity.notify.teams;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.envparity.notify.Budget;
import dev.envparity.notify.Digest;
import dev.envparity.report.Link;
import dev.envparity.notify.Markup;
import dev.envparity.notify.Notifier;
import dev.envparity.notify.SeverityStyle;
import dev.envparity.report.ParityReport;
import dev.envparity.report.Severity;

/**
 * Microsoft Teams through a Workflows webhook: one Adaptive Card, schema 1.4, with a FactSet of versions per
 * service. Teams posts fail above about 28 KB per message (https://learn.microsoft.com/connectors/teams/); this
 * card stays under 20 KB. Office 365 connector URLs are refused: Microsoft retired them.
 * <p>
 * TextBlock, Fact.title and Fact.value render a Markdown subset with {@code [text](url)} links
 * (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format); Teams clients
 * do not honour backslash escapes alike, so every service-reported text has its {@code ](} split instead. A
 * mention needs an {@code <at>} tag plus an {@code msteams.entities} entry; the card never carries entities, so no
 * text can mention anyone; an owner is shown by name.
 */
@ApplicationScoped
public class TeamsNotifier implements Notifier<TeamsMessage> {
    static final int MAX_BYTES = 20 * 1024;
    static final Markup TEXT = Markup::breakLinks;
    private static final String COMMIT = "◦ ";

    @Override
    public String type() {
        return "teams";
    }

    @Override
    public Optional<String> checkUrl(URI url) {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith("webhook.office.com") || host.equals("outlook.office.com")) {
            return Optional.of("an Office 365 connector URL; Microsoft retired these connectors. In Teams, create a "
                    + "workflow from the template \"Send webhook alerts to a channel\" and use its URL");
        }
        return Optional.empty();
    }

    @Override
    public TeamsMessage payload(Digest digest, ParityReport report) {
        Digest d = digest.escaped(TEXT);
        List<TeamsMessage.Element> body = new ArrayList<>();
        body.add(TeamsMessage.Element.text(SeverityStyle.of(d.severity()).emoji + " " + d.headline()).size("Medium").bold()
                .color(color(d.severity())));
        String scope = d.subtitle();
        body.add(TeamsMessage.Element.text(scope).subtle());
        if (d.previousFailure() != null) {
            body.add(TeamsMessage.Element.text("⚠️ " + d.previousFailure()).color("Warning"));
        }
        if (d.shipped() != null) {
            body.add(TeamsMessage.Element.text("📦 " + String.join("\n\n", d.shipped().lines(TeamsNotifier::link, COMMIT))));
        }
        List<TeamsMessage.Element> tail = new ArrayList<>();
        if (!d.resolved().isEmpty()) {
            tail.add(TeamsMessage.Element.text("✅ Resolved: " + String.join(", ", d.resolved())).separated());
        }
        tail.add(TeamsMessage.Element.text(d.footer()).size("Small").subtle().separated());

        List<TeamsMessage.Element> skeleton = new ArrayList<>(body);
        skeleton.add(TeamsMessage.Element.text(Digest.more(d.items().size())).bold());
        skeleton.addAll(tail);
        // Each element costs its own bytes plus the comma between array elements.
        List<List<TeamsMessage.Element>> blocks = Budget.fit(d.items(), TeamsNotifier::item,
                block -> Budget.jsonBytes(block) - 2 + 1, MAX_BYTES - Budget.jsonBytes(card(skeleton)), Integer.MAX_VALUE);
        blocks.forEach(body::addAll);
        if (blocks.size() < d.items().size()) {
            body.add(TeamsMessage.Element.text(Digest.more(d.items().size() - blocks.size())).bold());
        }
        body.addAll(tail);
        return card(body);
    }

    private static List<TeamsMessage.Element> item(Digest.Item item) {
        List<TeamsMessage.Element> block = new ArrayList<>();
        block.add(TeamsMessage.Element.text(item.title()).bold().color(color(item.severity())).separated());
        block.add(TeamsMessage.Element.facts(item.cells().stream().map(c -> new TeamsMessage.Fact(c.environment(), c.detailed())).toList()));
        block.add(TeamsMessage.Element.text("- " + String.join("\n- ", item.findings())));
        List<String> extras = item.extras(TeamsNotifier::link, owner -> null, COMMIT);
        if (!extras.isEmpty()) {
            block.add(TeamsMessage.Element.text(String.join("\n\n", extras)));
        }
        return block;
    }

    /** A Markdown link, which TextBlocks render; the URL has no brackets, parentheses or spaces (see {@link Link}). */
    private static String link(Link link) {
        return "[" + link.label() + "](" + link.url() + ")";
    }

    private static TeamsMessage card(List<TeamsMessage.Element> body) {
        TeamsMessage.AdaptiveCard card = new TeamsMessage.AdaptiveCard("http://adaptivecards.io/schemas/adaptive-card.json",
                "AdaptiveCard", "1.4", List.copyOf(body), new TeamsMessage.Msteams("Full"));
        return new TeamsMessage("message",
                List.of(new TeamsMessage.Attachment("application/vnd.microsoft.card.adaptive", null, card)));
    }

    /** Adaptive Card colours: Attention (red), Warning (amber), Accent (blue), Good (green). */
    private static String color(Severity s) {
        return switch (s) {
            case CRITICAL -> "Attention";
            case WARNING -> "Warning";
            case INFO -> "Accent";
            case OK -> "Good";
        };
    }
}
