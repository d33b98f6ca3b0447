package dev.envparity.notify;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import dev.envparity.report.Health;
import dev.envparity.report.Severity;
import dev.envparity.report.Status;
import dev.envparity.report.UntrustedText;

/**
 * What one message to one target says, before any platform formats it: the verdict first, then the services
 * that need attention (most severe first), the ones resolved since the last message, how many are fine,
 * and where the run came from. Platform formatters only decide how much of it fits.
 * <p>
 * Every string here is plain text, and much of it comes from services (versions, commits, check names, error
 * bodies) or from a chat platform's error answer: untrusted. The constructor makes each one a single printable
 * line ({@link UntrustedText}); a formatter then converts the whole digest at once with {@link #escaped} before
 * adding markup of its own, so no field can reach a platform unescaped.
 *
 * @param headline "2 services drift between staging and production"
 * @param scope "staging → production"
 * @param resolved services back in sync since this target's last message
 * @param quiet services in sync, or below the target's min-severity
 * @param context "schedule · 2026-11-26 10:00 UTC · 410 ms"
 * @param previousFailure why the last message to this target was not delivered, or null
 * @param reminder true when nothing changed and the message repeats open problems (remind-every)
 */
public record Digest(String headline, Severity severity, String scope, List<Item> items, List<String> resolved,
        int quiet, int muted, String context, String reportId, Instant at, String previousFailure, boolean reminder) {

    public Digest {
        headline = UntrustedText.printable(headline);
        scope = UntrustedText.printable(scope);
        items = List.copyOf(items);
        resolved = resolved.stream().map(UntrustedText::printable).toList();
        context = UntrustedText.printable(context);
        previousFailure = UntrustedText.printable(previousFailure);
    }

    /** The same digest with every text converted by {@code markup}, the platform's way to show plain text. */
    public Digest escaped(Markup markup) {
        return new Digest(markup.escape(headline), severity, markup.escape(scope),
                items.stream().map(i -> i.escaped(markup)).toList(), resolved.stream().map(markup::escape).toList(), quiet,
                muted, markup.escape(context), reportId, at, previousFailure == null ? null : markup.escape(previousFailure),
                reminder);
    }

    /**
     * @param cells what each environment runs, in promotion order
     * @param findings full sentences, most severe first
     */
    public record Item(String service, Status status, Severity severity, Change change, List<Cell> cells,
            List<String> findings) {

        public Item {
            service = UntrustedText.printable(service);
            cells = List.copyOf(cells);
            findings = findings.stream().map(UntrustedText::printable).toList();
        }

        Item escaped(Markup markup) {
            return new Item(markup.escape(service), status, severity, change,
                    cells.stream().map(c -> c.escaped(markup)).toList(), findings.stream().map(markup::escape).toList());
        }

        /** "staging 1.9.0 · production 1.8.3 DOWN · qa unreachable". */
        public String versions() {
            return cells.stream().map(c -> c.environment() + " " + c.brief()).collect(Collectors.joining(" · "));
        }

        /** "🔴 inventory · UNHEALTHY · NEW". */
        public String title() {
            return SeverityStyle.of(severity).emoji + " " + service + " · " + status
                    + (change.label().isEmpty() ? "" : " · " + change.label());
        }
    }

    /**
     * One environment of one service.
     *
     * @param version as reported, or null
     * @param commit the short form, or null
     */
    public record Cell(String environment, String version, Health health, String commit, boolean reachable) {

        public Cell {
            environment = UntrustedText.printable(environment);
            version = UntrustedText.printable(version);
            commit = UntrustedText.printable(commit);
        }

        Cell escaped(Markup markup) {
            return new Cell(markup.escape(environment), version == null ? null : markup.escape(version), health,
                    commit == null ? null : markup.escape(commit), reachable);
        }

        /** "1.9.0", "1.8.3 DOWN", "unreachable": the version, with the health where it is not UP. */
        public String brief() {
            if (!reachable) {
                return version == null ? "unreachable" : version + " unreachable";
            }
            return health == Health.UP ? version : version + " " + health;
        }

        /** "1.9.0 · UP · 9e8d7c6", "unreachable": the version, health and commit. */
        public String detailed() {
            if (!reachable) {
                return (version == null ? "" : version + " · ") + "unreachable";
            }
            return version + " · " + health + (commit == null ? "" : " · " + commit);
        }
    }

    /** "staging → production", and whether this repeats an unchanged problem (remind-every). */
    public String subtitle() {
        return scope + reminderNote();
    }

    /** " · reminder: nothing changed since the last message", or "" when something changed. */
    public String reminderNote() {
        return reminder ? " · reminder: nothing changed since the last message" : "";
    }

    /** "In sync: 3 · muted: 1 · schedule · 2026-11-26 10:00 UTC · 412 ms · run 3f6b2c1e". */
    public String footer() {
        return "In sync: " + quiet + (muted > 0 ? " · muted: " + muted : "") + " · " + context;
    }

    public enum Change {
        NEW, CHANGED, ONGOING;

        /** The label shown next to a service, or "" for an ongoing problem. */
        public String label() {
            return this == ONGOING ? "" : name();
        }
    }

    /** "… and 12 more services need attention", when a platform's limits cut the list. */
    public static String more(int hidden) {
        return "… and " + hidden + " more " + (hidden == 1 ? "service needs" : "services need") + " attention";
    }
}
