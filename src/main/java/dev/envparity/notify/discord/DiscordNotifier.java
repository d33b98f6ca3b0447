package dev.envparity.notify.discord;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.envparity.notify.Budget;
import dev.envparity.notify.Digest;
import dev.envparity.notify.Notifier;
import dev.envparity.notify.SeverityStyle;
import dev.envparity.report.ParityReport;

/**
 * Discord webhooks: one embed coloured by severity, a field per service. Limits (protocols §1.3): content 2000
 * characters; per embed title 256, description 4096, 25 fields of name 256 / value 1024, footer 2048; 6000
 * characters across all embeds. Mentions are disabled.
 */
@ApplicationScoped
public class DiscordNotifier implements Notifier {
    static final int MAX_CONTENT = 2000;
    static final int MAX_TITLE = 256;
    static final int MAX_DESCRIPTION = 4096;
    static final int MAX_FIELDS = 25;
    static final int MAX_FIELD_NAME = 256;
    static final int MAX_FIELD_VALUE = 1024;
    static final int MAX_FOOTER = 2048;
    static final int MAX_EMBED_TOTAL = 6000;

    @Override
    public String type() {
        return "discord";
    }

    @Override
    public DiscordMessage payload(Digest d, ParityReport report) {
        SeverityStyle style = SeverityStyle.of(d.severity());
        String content = SeverityStyle.cut(style.emoji + " **" + escape(d.headline()) + "**", MAX_CONTENT);
        String title = SeverityStyle.cut(d.scope() + (d.reminder() ? " · reminder: nothing changed" : ""), MAX_TITLE);
        List<String> description = new ArrayList<>();
        if (d.previousFailure() != null) {
            description.add("⚠️ " + escape(d.previousFailure()));
        }
        if (!d.resolved().isEmpty()) {
            description.add("✅ **Resolved**: " + escape(String.join(", ", d.resolved())));
        }
        String desc = description.isEmpty() ? null : SeverityStyle.cut(String.join("\n", description), MAX_DESCRIPTION);
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
        return new DiscordMessage("envparity", content, List.of(embed), new DiscordMessage.AllowedMentions(List.of()));
    }

    private static DiscordMessage.Field field(Digest.Item item) {
        String name = item.title();
        StringBuilder value = new StringBuilder(escape(item.versions()));
        for (String f : item.findings()) {
            value.append("\n• ").append(escape(f));
        }
        return new DiscordMessage.Field(SeverityStyle.cut(name, MAX_FIELD_NAME), SeverityStyle.cut(value.toString(), MAX_FIELD_VALUE), false);
    }

    /** Discord Markdown's control characters, so that a version like 1_2_3 does not turn italic. */
    static String escape(String s) {
        return s.replaceAll("([*_~`|>\\\\])", "\\\\$1");
    }
}
