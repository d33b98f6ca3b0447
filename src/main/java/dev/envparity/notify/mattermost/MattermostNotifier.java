package dev.envparity.notify.mattermost;

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
 * Mattermost incoming webhooks, Slack-style attachments with Markdown. A post holds up to 16,383 characters
 * (https://developers.mattermost.com/integrate/webhooks/incoming/); this one, attachments included, stays under
 * 16,000. Every digest text is made inert three ways: {@code & < >} as entities, because Mattermost turns Slack's
 * {@code <!channel>} and {@code <url|text>} into a mention and a link even inside attachments; Markdown
 * backslash-escaped (https://docs.mattermost.com/collaborate/format-messages.html), so no {@code [text](url)}
 * link; and a zero-width space after each {@code @}, because the server finds {@code @channel}, {@code @all},
 * {@code @here} and {@code @user} by splitting words on punctuation, backslashes included
 * (https://docs.mattermost.com/collaborate/mention-people.html). The configured owners are mentioned in the post's text
 * as {@code @name}, added after escaping; their names' form is checked by {@link Owner}.
 */
@ApplicationScoped
public class MattermostNotifier implements Notifier<MattermostMessage> {
    static final int MAX_CHARS = 16_000;
    static final Markup TEXT = s -> Markup.breakMentions(Markup.backslash(Markup.entities(s), "\\*_~`[]#|"));
    private static final String COMMIT = "  - ";

    @Override
    public String type() {
        return "mattermost";
    }

    @Override
    public MattermostMessage payload(Digest digest, ParityReport report) {
        Digest d = digest.escaped(TEXT);
        SeverityStyle style = SeverityStyle.of(d.severity());
        StringBuilder text = new StringBuilder("#### ").append(style.emoji).append(' ').append(d.headline()).append('\n')
                .append(d.subtitle());
        if (d.previousFailure() != null) {
            text.append("\n:warning: ").append(d.previousFailure());
        }
        if (d.shipped() != null) {
            text.append("\n:package: ").append(String.join("\n", d.shipped().lines(MattermostNotifier::link, COMMIT)));
        }
        // Mentions notify from the post's text, not from its attachments.
        List<String> pings = d.mentioned().stream().map(Owner::mattermost).filter(n -> n != null).distinct().map(n -> "@" + n)
                .toList();
        if (!pings.isEmpty()) {
            text.append('\n').append(String.join(" ", pings));
        }
        String resolved = d.resolved().isEmpty() ? null : ":white_check_mark: **Resolved**: " + String.join(", ", d.resolved());
        String footer = d.footer();

        int used = text.length() + (resolved == null ? 0 : resolved.length()) + footer.length() + d.headline().length()
                + Digest.more(d.items().size()).length();
        List<MattermostMessage.Field> fields = new ArrayList<>(Budget.fit(d.items(), MattermostNotifier::field,
                f -> f.title().length() + f.value().length(), MAX_CHARS - used, Integer.MAX_VALUE));
        int hidden = d.items().size() - fields.size();
        if (hidden > 0) {
            fields.add(new MattermostMessage.Field("", "**" + Digest.more(hidden) + "**", false));
        }
        MattermostMessage.Attachment attachment = new MattermostMessage.Attachment(d.headline(), style.hex(), null,
                resolved, fields, footer);
        return new MattermostMessage("envparity", text.toString(), List.of(attachment));
    }

    private static MattermostMessage.Field field(Digest.Item item) {
        String title = item.title();
        // Not a code span: a backtick in a version would end it, and nothing inside one can be escaped.
        StringBuilder value = new StringBuilder(item.versions());
        for (String f : item.findings()) {
            value.append("\n- ").append(f);
        }
        item.extras(MattermostNotifier::link, owner -> null, COMMIT).forEach(line -> value.append('\n').append(line));
        return new MattermostMessage.Field(title, value.toString(), false);
    }

    /** A Markdown link; the URL has no brackets, parentheses or spaces (see {@link Link}). */
    private static String link(Link link) {
        return "[" + link.label() + "](" + link.url() + ")";
    }
}
