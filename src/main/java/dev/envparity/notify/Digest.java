package dev.envparity.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.envparity.report.Health;
import dev.envparity.report.Owner;
import dev.envparity.report.Severity;
import dev.envparity.report.Status;
import dev.envparity.report.UntrustedText;
import dev.envparity.report.Link;

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
 * @param shipped a deploy summary's commits: what the deploy brought to the environment; null otherwise
 */
public record Digest(String headline, Severity severity, String scope, List<Item> items, List<String> resolved,
        int quiet, int muted, String context, String reportId, Instant at, String previousFailure, boolean reminder,
        Changes shipped) {

    public Digest {
        headline = UntrustedText.printable(headline);
        scope = UntrustedText.printable(scope);
        items = List.copyOf(items);
        resolved = resolved.stream().map(UntrustedText::printable).toList();
        context = UntrustedText.printable(context);
        previousFailure = UntrustedText.printable(previousFailure);
    }

    public Digest(String headline, Severity severity, String scope, List<Item> items, List<String> resolved, int quiet,
            int muted, String context, String reportId, Instant at, String previousFailure, boolean reminder) {
        this(headline, severity, scope, items, resolved, quiet, muted, context, reportId, at, previousFailure, reminder, null);
    }

    /**
     * The same digest with every text converted by {@code markup}, the platform's way to show plain text. Links and
     * owners' mention ids are not text: they are checked where they are made ({@link Link}, {@link Owner}).
     */
    public Digest escaped(Markup markup) {
        return new Digest(markup.escape(headline), severity, markup.escape(scope),
                items.stream().map(i -> i.escaped(markup)).toList(), resolved.stream().map(markup::escape).toList(), quiet,
                muted, markup.escape(context), reportId, at, previousFailure == null ? null : markup.escape(previousFailure),
                reminder, shipped == null ? null : shipped.escaped(markup));
    }

    /** The owners this message mentions, each once, in the order of their services. */
    public List<Owner> mentioned() {
        return items.stream().map(Item::contact).filter(c -> c != null && c.mention() && c.owner() != null)
                .map(Contact::owner).distinct().toList();
    }

    /**
     * @param cells what each environment runs, in promotion order
     * @param findings full sentences, most severe first
     * @param waiting the commits waiting to be promoted, from the code host; may be null
     * @param contact who owns the service and what to do; may be null
     */
    public record Item(String service, Status status, Severity severity, Change change, List<Cell> cells,
            List<String> findings, Changes waiting, Contact contact) {

        public Item {
            service = UntrustedText.printable(service);
            cells = List.copyOf(cells);
            findings = findings.stream().map(UntrustedText::printable).toList();
        }

        public Item(String service, Status status, Severity severity, Change change, List<Cell> cells, List<String> findings) {
            this(service, status, severity, change, cells, findings, null, null);
        }

        Item escaped(Markup markup) {
            return new Item(markup.escape(service), status, severity, change,
                    cells.stream().map(c -> c.escaped(markup)).toList(), findings.stream().map(markup::escape).toList(),
                    waiting == null ? null : waiting.escaped(markup), contact == null ? null : contact.escaped(markup));
        }

        /** The lines a platform adds under the findings: the commits waiting, then the owner's line. */
        public List<String> extras(Function<Link, String> link, Function<Owner, String> mention, String bullet) {
            List<String> lines = new ArrayList<>();
            if (waiting != null) {
                lines.addAll(waiting.lines(link, bullet));
            }
            if (contact != null && !contact.line(link, mention).isEmpty()) {
                lines.add(contact.line(link, mention));
            }
            return lines;
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

    /**
     * Commits: the ones waiting to be promoted, or the ones a deploy shipped. Titles and authors come from the code host:
     * untrusted text, made printable and escaped like every other.
     *
     * @param headline "12 commits waiting in staging · View differences"'s words, or null for links alone
     * @param commits "#481 Fix tax rounding (Ana Ruiz)", the newest first
     * @param more commits not listed
     * @param links "View differences", "Promote"
     */
    public record Changes(String headline, List<String> commits, int more, List<Link> links) {
        public Changes {
            headline = UntrustedText.printable(headline);
            commits = commits.stream().map(UntrustedText::printable).toList();
            links = List.copyOf(links);
        }

        Changes escaped(Markup markup) {
            return new Changes(headline == null ? null : markup.escape(headline), commits.stream().map(markup::escape).toList(),
                    more, links);
        }

        /** "12 commits waiting in staging: View differences · Promote", a line per commit, "… and 7 more". */
        public List<String> lines(Function<Link, String> link, String bullet) {
            List<String> lines = new ArrayList<>();
            String links = this.links.stream().map(link).collect(Collectors.joining(" · "));
            if (headline != null || !links.isEmpty()) {
                lines.add(headline == null ? links : links.isEmpty() ? headline : headline + ": " + links);
            }
            commits.forEach(c -> lines.add(bullet + c));
            if (more > 0) {
                lines.add(bullet + "… and " + more + " more");
            }
            return lines;
        }
    }

    /**
     * Who owns a service and what to do, from configuration.
     *
     * @param owner the name is text (escaped like all text); the mention ids are checked by {@link Owner} itself
     * @param mention whether this message mentions the owner (the service is at or above {@code parity.notify.mention-at})
     * @param rollback a rollback note that is not a link, or null
     * @param links "Runbook", "Rollback"
     */
    public record Contact(Owner owner, boolean mention, String rollback, List<Link> links) {
        public Contact {
            owner = owner == null ? null : owner.named(UntrustedText.printable(owner.name()));
            rollback = UntrustedText.printable(rollback);
            links = List.copyOf(links);
        }

        Contact escaped(Markup markup) {
            return new Contact(owner == null ? null : owner.named(markup.escape(owner.name())), mention,
                    rollback == null ? null : markup.escape(rollback), links);
        }

        /**
         * "Owner: &lt;mention&gt; · Runbook · Rollback: revert the flag", or "" when there is nothing to say.
         *
         * @param mention the platform's mention of an owner, or null where the platform shows the name
         */
        public String line(Function<Link, String> link, Function<Owner, String> mention) {
            List<String> parts = new ArrayList<>();
            if (owner != null) {
                String pinged = this.mention ? mention.apply(owner) : null;
                parts.add("Owner: " + (pinged != null ? pinged : owner.name()));
            }
            links.forEach(l -> parts.add(link.apply(l)));
            if (rollback != null) {
                parts.add("Rollback: " + rollback);
            }
            return String.join(" · ", parts);
        }
    }

    /** "… and 12 more services need attention", when a platform's limits cut the list. */
    public static String more(int hidden) {
        return "… and " + hidden + " more " + (hidden == 1 ? "service needs" : "services need") + " attention";
    }
}
