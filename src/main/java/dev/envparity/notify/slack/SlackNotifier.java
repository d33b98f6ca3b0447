package dev.envparity.notify.slack;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.envparity.notify.Budget;
import dev.envparity.notify.Digest;
import dev.envparity.report.Link;
import dev.envparity.notify.Markup;
import dev.envparity.notify.Notifier;
import dev.envparity.notify.SeverityStyle;
import dev.envparity.report.Owner;
import dev.envparity.report.ParityReport;

/**
 * Slack incoming webhooks, Block Kit. Limits: 50 blocks per message, 3000 characters per section text, 150 per
 * header, 10 context elements (https://api.slack.com/reference/block-kit/blocks). Every digest text is escaped
 * the way Slack documents ({@code &amp; &lt; &gt;}, https://api.slack.com/reference/surfaces/formatting#escaping):
 * with no literal {@code <}, nothing a service reports can become {@code <!channel>}, {@code <!here>},
 * {@code <@U…>}, {@code <!subteam^…>} or a {@code <url|text>} link. A bare "@here" stays text: the payload never
 * sets {@code link_names}. The only live markup is envparity's own, added after escaping: links it checked
 * ({@link Link}) and the configured owners' mentions, whose ids {@link Owner} checked.
 */
@ApplicationScoped
public class SlackNotifier implements Notifier<SlackMessage> {
    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION = 3000;
    static final int MAX_HEADER = 150;
    /** header, scope, "… and N more", resolved, context. */
    private static final int FIXED_BLOCKS = 5;
    /** Slack's mrkdwn control characters, per "Escaping text" in the Slack formatting guide. */
    static final Markup TEXT = Markup::entities;
    private static final String COMMIT = "◦ ";

    @Override
    public String type() {
        return "slack";
    }

    @Override
    public SlackMessage payload(Digest digest, ParityReport report) {
        Digest d = digest.escaped(TEXT);
        SeverityStyle style = SeverityStyle.of(d.severity());
        List<SlackMessage.Block> blocks = new ArrayList<>();
        blocks.add(SlackMessage.Block.header(SeverityStyle.cut(style.emoji + " " + d.headline(), MAX_HEADER)));

        StringBuilder scope = new StringBuilder("*").append(d.scope()).append("*").append(d.reminderNote());
        if (d.previousFailure() != null) {
            scope.append("\n:warning: ").append(d.previousFailure());
        }
        if (d.shipped() != null) {
            scope.append("\n:package: ").append(String.join("\n", d.shipped().lines(SlackNotifier::link, COMMIT)));
        }
        blocks.add(SlackMessage.Block.section(SeverityStyle.cutLines(scope.toString(), MAX_SECTION)));

        List<SlackMessage.Block> items = Budget.fit(d.items(), i -> SlackMessage.Block.section(SeverityStyle.cutLines(item(i), MAX_SECTION)),
                b -> 0, 0, MAX_BLOCKS - FIXED_BLOCKS);
        blocks.addAll(items);
        if (items.size() < d.items().size()) {
            blocks.add(SlackMessage.Block.section(Digest.more(d.items().size() - items.size())));
        }
        if (!d.resolved().isEmpty()) {
            blocks.add(SlackMessage.Block.section(SeverityStyle.cut(":white_check_mark: *Resolved*\n• "
                    + String.join("\n• ", d.resolved()), MAX_SECTION)));
        }
        blocks.add(SlackMessage.Block.context(List.of(d.footer())));
        return new SlackMessage(style.emoji + " " + d.headline(), blocks);
    }

    private static String item(Digest.Item item) {
        StringBuilder sb = new StringBuilder();
        sb.append(SeverityStyle.of(item.severity()).emoji).append(" *").append(item.service()).append("* · `")
                .append(item.status()).append('`');
        if (!item.change().label().isEmpty()) {
            sb.append(" · ").append(item.change().label());
        }
        sb.append('\n').append(item.versions());
        for (String f : item.findings()) {
            sb.append("\n• ").append(f);
        }
        item.extras(SlackNotifier::link, SlackNotifier::mention, COMMIT).forEach(line -> sb.append('\n').append(line));
        return sb.toString();
    }

    /** {@code <url|label>}; the URL has no {@code < > |} (see {@link Link}), and Slack decodes {@code &amp;}. */
    private static String link(Link link) {
        return "<" + Markup.entities(link.url()) + "|" + link.label() + ">";
    }

    /**
     * A user group as {@code <!subteam^S…>}, a user as {@code <@U…>}
     * (https://api.slack.com/reference/surfaces/formatting#mentioning-groups); the id's form is checked by {@link Owner}.
     */
    private static String mention(Owner owner) {
        if (owner.slack() == null) {
            return null;
        }
        return owner.slack().startsWith("S") ? "<!subteam^" + owner.slack() + ">" : "<@" + owner.slack() + ">";
    }
}
