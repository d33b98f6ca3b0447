package dev.envparity.notify;

import java.net.URI;
import java.util.Set;

import dev.envparity.report.Severity;

/**
 * One configured chat target, resolved and checked.
 *
 * @param url the webhook URL, a secret: never logged, never part of an error or a report; null for console
 * @param services empty means all
 * @param environments empty means all
 * @param secret signing secret of the generic webhook type; may be null
 */
public record Target(String name, String type, URI url, Severity minSeverity, Set<String> services,
        Set<String> environments, Policy policy, String secret) {

    public enum Policy {
        ALWAYS, ON_CHANGE, NEVER;

        static Policy byId(String id) {
            return switch (id) {
                case "always" -> ALWAYS;
                case "on-change" -> ON_CHANGE;
                case "never" -> NEVER;
                default -> null;
            };
        }
    }

    /** How the target is named in logs and errors: its name and type, never its URL. */
    public String label() {
        return type + " target '" + name + "'";
    }

    @Override
    public String toString() {
        return "Target[" + label() + (url == null ? "" : ", " + Redaction.origin(url)) + "]";
    }
}
