package dev.envparity.notify.googlechat;

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
 * Google Chat incoming webhooks: a cardsV2 card, a widget per service. A message, cards included, may not
 * exceed 32,000 bytes (https://developers.google.com/workspace/chat/limits); this one stays under 30,000.
 * Card text is a subset of HTML, so every digest text in the card is entity-escaped; the message {@code text}
 * has no escape at all (https://developers.google.com/workspace/chat/format-messages), so there a zero-width
 * space follows each {@code <} — no {@code <users/all>} mention, no {@code <url|text>} link — and splits
 * {@code ](}, should the space read it as Markdown. The configured owners are mentioned there as {@code <users/…>}
 * (https://developers.google.com/workspace/chat/format-messages#messages-@mention), added after escaping; their ids' form
 * is checked by {@link Owner}.
 */
@ApplicationScoped
public class GoogleChatNotifier implements Notifier<GoogleChatMessage> {
    static final int MAX_BYTES = 30_000;
    static final Markup CARD = Markup::entities;
    static final Markup TEXT = s -> Markup.breakLinks(Markup.breakTags(s));
    private static final String COMMIT = "◦ ";

    @Override
    public String type() {
        return "google-chat";
    }

    @Override
    public String contentType() {
        return "application/json; charset=UTF-8";
    }

    @Override
    public GoogleChatMessage payload(Digest digest, ParityReport report) {
        // Mentions work in the message text, not in cards: the configured users, as <users/…>.
        String pings = digest.mentioned().stream().map(Owner::googleChat).filter(id -> id != null).distinct()
                .map(id -> "<" + id + ">").collect(Collectors.joining(" "));
        String text = SeverityStyle.of(digest.severity()).emoji + " " + TEXT.escape(digest.headline())
                + (pings.isEmpty() ? "" : "\n" + pings);
        Digest d = digest.escaped(CARD);
        String subtitle = d.subtitle();
        List<GoogleChatMessage.Section> head = new ArrayList<>();
        if (d.previousFailure() != null) {
            head.add(new GoogleChatMessage.Section(null, List.of(GoogleChatMessage.Widget.paragraph("⚠️ " + d.previousFailure()))));
        }
        if (d.shipped() != null) {
            head.add(new GoogleChatMessage.Section(null, List.of(GoogleChatMessage.Widget.paragraph(
                    "📦 " + String.join("<br>", d.shipped().lines(GoogleChatNotifier::link, COMMIT))))));
        }
        List<GoogleChatMessage.Section> tail = new ArrayList<>();
        if (!d.resolved().isEmpty()) {
            tail.add(new GoogleChatMessage.Section("Resolved",
                    List.of(GoogleChatMessage.Widget.paragraph(String.join("<br>", d.resolved())))));
        }
        tail.add(new GoogleChatMessage.Section(null,
                List.of(GoogleChatMessage.Widget.paragraph("<font color=\"#80868b\">" + d.footer() + "</font>"))));

        GoogleChatMessage skeleton = message(text, subtitle, head,
                List.of(GoogleChatMessage.Widget.paragraph("<b>" + Digest.more(d.items().size()) + "</b>")), tail);
        List<GoogleChatMessage.Widget> widgets = new ArrayList<>(Budget.fit(d.items(), GoogleChatNotifier::widget,
                w -> Budget.jsonBytes(w) + 1, MAX_BYTES - Budget.jsonBytes(skeleton), Integer.MAX_VALUE));
        int hidden = d.items().size() - widgets.size();
        if (hidden > 0) {
            widgets.add(GoogleChatMessage.Widget.paragraph("<b>" + Digest.more(hidden) + "</b>"));
        }
        return message(text, subtitle, head, widgets, tail);
    }

    private static GoogleChatMessage message(String text, String subtitle, List<GoogleChatMessage.Section> head,
            List<GoogleChatMessage.Widget> items, List<GoogleChatMessage.Section> tail) {
        List<GoogleChatMessage.Section> sections = new ArrayList<>(head);
        if (!items.isEmpty()) {
            sections.add(new GoogleChatMessage.Section("Needs attention", items));
        }
        sections.addAll(tail);
        GoogleChatMessage.Card card = new GoogleChatMessage.Card(new GoogleChatMessage.Header("envparity", subtitle), sections);
        return new GoogleChatMessage(text, List.of(new GoogleChatMessage.CardWithId("envparity-digest", card)));
    }

    private static GoogleChatMessage.Widget widget(Digest.Item item) {
        String label = item.title();
        StringBuilder text = new StringBuilder("<b>").append(item.versions()).append("</b>");
        for (String f : item.findings()) {
            text.append("<br>• ").append(f);
        }
        item.extras(GoogleChatNotifier::link, owner -> null, COMMIT).forEach(line -> text.append("<br>").append(line));
        return GoogleChatMessage.Widget.decorated(label, text.toString());
    }

    /** An HTML link, which card text supports; the URL has no quotes or angle brackets (see {@link Link}). */
    private static String link(Link link) {
        return "<a href=\"" + Markup.entities(link.url()) + "\">" + link.label() + "</a>";
    }
}
