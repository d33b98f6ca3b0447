package dev.envparity.notify.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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
 * Discord webhooks: one embed coloured by severity, a field per service; the configured owners' roles are mentioned in
 * the content (mentions in embeds do not ping), and {@code allowed_mentions.roles} lists exactly them. Limits: content 2000 characters; per
 * embed title 256, description 4096, 25 fields of name 256 / value 1024, footer 2048; 6000 characters across all
 * embeds (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). Mentions are disabled
 * with an empty {@code allowed_mentions.parse} (…/resources/message#allowed-mentions-object), and every digest
 * text has Discord's Markdown backslash-escaped, so a version cannot turn italic, hide behind a
 * {@code [masked](link)} or render as a {@code <@user>} pill.
 */
@ApplicationScoped
public class DiscordNotifier implements Notifier<DiscordMessage> {
    static final int MAX_CONTENT = 2000;
    static final int MAX_TITLE = 256;
    static final int MAX_DESCRIPTION = 4096;
    static final int MAX_FIELDS = 25;
    static final int MAX_FIELD_NAME = 256;
    static final int MAX_FIELD_VALUE = 1024;
    static final int MAX_FOOTER = 2048;
    static final int MAX_EMBED_TOTAL = 6000;
    /** Discord Markdown's control characters (support.discord.com "Markdown Text 101"), brackets and tags included. */
    static final Markup TEXT = s -> Markup.backslash(s, "\\*_~`|>[]<");
    private static final String COMMIT = "◦ ";

    @Override
    public String type() {
        return "discord";
    }

    @Override
    public DiscordMessage payload(Digest digest, ParityReport report) {
        Digest d = digest.escaped(TEXT);
        SeverityStyle style = SeverityStyle.of(d.severity());
        // Mentions ping only from content, never from an embed.
        List<String> roles = d.mentioned().stream().map(Owner::discord).filter(id -> id != null).distinct().toList();
        String pings = roles.stream().map(id -> "<@&" + id + ">").collect(Collectors.joining(" "));
        String content = SeverityStyle.cut(style.emoji + " **" + d.headline() + "**", MAX_CONTENT - pings.length() - 1)
                + (pings.isEmpty() ? "" : "\n" + pings);
        String title = SeverityStyle.cut(d.subtitle(), MAX_TITLE);
        List<String> description = new ArrayList<>();
        if (d.previousFailure() != null) {
            description.add("⚠️ " + d.previousFailure());
        }
        if (d.shipped() != null) {
            description.add("📦 " + String.join("\n", d.shipped().lines(DiscordNotifier::link, COMMIT)));
        }
        if (!d.resolved().isEmpty()) {
            description.add("✅ **Resolved**: " + String.join(", ", d.resolved()));
        }
        String desc = description.isEmpty() ? null : SeverityStyle.cutLines(String.join("\n", description), MAX_DESCRIPTION);
        String footer = SeverityStyle.cut(d.footer(), MAX_FOOTER);

        String moreName = "…";
        int used = title.length() + (desc == null ? 0 : desc.length()) + footer.length()
                + moreName.length() + Digest.more(d.items().size()).length();
        List<DiscordMessage.Field> fields = new ArrayList<>(Budget.fit(d.items(), DiscordNotifier::field,
                f -> f.name().length() + f.value().length(), MAX_EMBED_TOTAL - used, MAX_FIELDS - 1));
        int hidden = d.items().size() - fields.size();
        if (hidden > 0) {
            fields.add(new DiscordMessage.Field(moreName, Digest.more(hidden), false));
        }
        DiscordMessage.Embed embed = new DiscordMessage.Embed(title, desc, style.rgb, fields,
                new DiscordMessage.Footer(footer), d.at().toString());
        return new DiscordMessage("envparity", content, List.of(embed), new DiscordMessage.AllowedMentions(List.of(), roles));
    }

    /** A masked link, which embeds render for webhooks; the URL has no brackets or parentheses (see {@link Link}). */
    private static String link(Link link) {
        return "[" + link.label() + "](" + link.url() + ")";
    }

    private static DiscordMessage.Field field(Digest.Item item) {
        String name = item.title();
        StringBuilder value = new StringBuilder(item.versions());
        for (String f : item.findings()) {
            value.append("\n• ").append(f);
        }
        item.extras(DiscordNotifier::link, owner -> null, COMMIT).forEach(line -> value.append('\n').append(line));
        return new DiscordMessage.Field(SeverityStyle.cut(name, MAX_FIELD_NAME), SeverityStyle.cutLines(value.toString(), MAX_FIELD_VALUE), false);
    }
}
