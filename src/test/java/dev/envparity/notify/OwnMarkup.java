package dev.envparity.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.envparity.report.Owner;
import dev.envparity.report.Link;

/**
 * The live markup a formatter may write on its own: links to the URLs a digest carries (checked by {@link Link}) and
 * mentions of the configured owners it mentions. Everything else in a payload must be inert text.
 */
final class OwnMarkup {
    private OwnMarkup() {
    }

    static List<String> of(String type, Digest digest) {
        List<String> own = new ArrayList<>();
        links(digest).forEach(l -> own.add(switch (type) {
            case "slack" -> "<" + Markup.entities(l.url()) + "|" + l.label() + ">";
            case "google-chat" -> "<a href=\"" + Markup.entities(l.url()) + "\">" + l.label() + "</a>";
            default -> "[" + l.label() + "](" + l.url() + ")";
        }));
        for (Owner o : digest.mentioned()) {
            switch (type) {
                case "slack" -> {
                    if (o.slack() != null) {
                        own.add(o.slack().startsWith("S") ? "<!subteam^" + o.slack() + ">" : "<@" + o.slack() + ">");
                    }
                }
                case "discord" -> {
                    if (o.discord() != null) {
                        own.add("<@&" + o.discord() + ">");
                    }
                }
                case "mattermost" -> {
                    if (o.mattermost() != null) {
                        own.add("@" + o.mattermost());
                    }
                }
                case "google-chat" -> {
                    if (o.googleChat() != null) {
                        own.add("<" + o.googleChat() + ">");
                    }
                }
                default -> {
                }
            }
        }
        return own;
    }

    private static Stream<Link> links(Digest d) {
        Stream<Link> items = d.items().stream().flatMap(i -> Stream.concat(
                i.waiting() == null ? Stream.empty() : i.waiting().links().stream(),
                i.contact() == null ? Stream.empty() : i.contact().links().stream()));
        return Stream.concat(items, d.shipped() == null ? Stream.empty() : d.shipped().links().stream());
    }
}
