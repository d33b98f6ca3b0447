package dev.envparity.notify;

import dev.envparity.report.Link;

/** A digest as Markdown: what the console target prints, and a readable reference for every platform. */
public final class DigestMarkdown {
    private DigestMarkdown() {
    }

    public static String render(Digest d) {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(SeverityStyle.of(d.severity()).emoji).append(' ').append(d.headline()).append('\n');
        md.append('_').append(d.subtitle()).append("_\n");
        if (d.previousFailure() != null) {
            md.append("\n> ⚠️ ").append(d.previousFailure()).append('\n');
        }
        if (d.shipped() != null) {
            md.append('\n');
            d.shipped().lines(DigestMarkdown::link, "  - ").forEach(line -> md.append(line).append('\n'));
        }
        for (Digest.Item item : d.items()) {
            md.append("\n**").append(item.service()).append("** · `").append(item.status()).append('`');
            if (!item.change().label().isEmpty()) {
                md.append(" · ").append(item.change().label());
            }
            md.append("  \n").append(item.versions()).append('\n');
            for (String f : item.findings()) {
                md.append("- ").append(f).append('\n');
            }
            item.extras(DigestMarkdown::link, owner -> null, "  - ").forEach(line -> md.append(line).append('\n'));
        }
        if (!d.resolved().isEmpty()) {
            md.append("\n✅ **Resolved**\n");
            d.resolved().forEach(r -> md.append("- ").append(r).append('\n'));
        }
        md.append("\n_").append(d.footer()).append("_\n");
        return md.toString();
    }

    private static String link(Link link) {
        return "[" + link.label() + "](" + link.url() + ")";
    }
}
