package dev.envparity.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.envparity.compare.EnvironmentComparator;
import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.Health;
import dev.envparity.report.Owner;
import dev.envparity.report.Ownership;
import dev.envparity.report.ParityReport;
import dev.envparity.report.Pending;
import dev.envparity.report.ServiceReport;

/**
 * The "pending-owners" golden scenario: what waits between staging and production (a promotion with 12 commits, one
 * of them hostile; a diverged pair with a hotfix; a comparison the code host could not make) and who owns what, with
 * every platform's mention ids configured. Built through the real comparator, as the others.
 */
final class PendingScenario {
    static final String UP = "4f2a9c1e7b3d5f6a8c9e0b1d2f3a4b5c6d7e8f90";
    static final String DOWN = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d";
    /** A commit title and author that try every platform's mention and link syntax. */
    static final String HOSTILE_TITLE = "<!channel> @here @all <@U0HOSTILE> <!subteam^SHOSTILE> <@&999999999999999999> "
            + "<users/all> " + Scenarios.LINK + " " + Scenarios.SLACK_LINK + Scenarios.RIGHT_TO_LEFT;
    static final String HOSTILE_AUTHOR = "Mallory @channel <users/all>" + Scenarios.FAKE_LINE;

    static final Owner PAYMENTS = new Owner("Payments team", "S0123ABC", "123456789012345678", "payments-oncall",
            "users/112233445566778899");
    static final Owner INVENTORY = new Owner("Inventory", "U024BE7LH", "223456789012345678", "inventory", "users/998877");
    static final Owner SEARCH = new Owner("Search & <Discovery>", null, null, null, null);
    static final String PROMOTE = "https://github.com/acme/{service}/actions/workflows/promote.yml?from={from}&to={to}"
            + "&version={version}";

    private static final EnvironmentComparator COMPARATOR = new EnvironmentComparator(Duration.ofHours(72));

    private PendingScenario() {
    }

    static ParityReport report() {
        List<ServiceReport> s = new ArrayList<>();
        s.add(service("checkout", Scenarios.env(Health.UP, "2.4.0", UP, Scenarios.AT.minus(Duration.ofHours(26)), Scenarios.CHECKS),
                Scenarios.env(Health.UP, "2.3.1", DOWN, Scenarios.AT.minus(Duration.ofDays(9)), Scenarios.CHECKS),
                Pending.of("staging", "production", Pending.State.AHEAD, 12, 0, waiting(), compare("checkout")),
                new Ownership(PAYMENTS, "https://wiki.example.com/runbooks/checkout", "helm rollback checkout 0"), PROMOTE));
        s.add(service("inventory", Scenarios.env(Health.UP, "5.2.0", UP, null, Scenarios.CHECKS),
                Scenarios.env(Health.DOWN, "5.2.0-hotfix.1", DOWN, null, Map.of("db", Health.DOWN, "ping", Health.UP)),
                Pending.of("staging", "production", Pending.State.DIVERGED, 3, 1, List.of(
                        new Pending.Commit("a".repeat(40), "Merge pull request #77 from acme/stock-sync", "Lee Chen",
                                "https://github.com/acme/inventory/commit/" + "a".repeat(40), 77),
                        new Pending.Commit("b".repeat(40), "Count reserved stock once", "Lee Chen",
                                "https://github.com/acme/inventory/commit/" + "b".repeat(40), null),
                        new Pending.Commit("c".repeat(40), "Retry the warehouse API (#75)", "Sam Okafor",
                                "https://github.com/acme/inventory/commit/" + "c".repeat(40), 75)),
                        compare("inventory")),
                new Ownership(INVENTORY, null, "https://wiki.example.com/rollback/inventory"), null));
        s.add(service("search", Scenarios.env(Health.UP, UP.substring(0, 7), UP, null, Scenarios.CHECKS),
                Scenarios.env(Health.UP, DOWN.substring(0, 7), DOWN, null, Scenarios.CHECKS),
                Pending.failed("staging", "production", "GitHub's rate limit is used up until 11:00:00 UTC; asked again after that"),
                new Ownership(SEARCH, "https://wiki.example.com/runbooks/search", null), null));
        s.add(service("ledger", Scenarios.env(Health.UP, "0.9.1", UP, null, Scenarios.CHECKS),
                Scenarios.env(Health.UP, "0.9.1", UP, null, Scenarios.CHECKS), null,
                new Ownership(PAYMENTS, null, null), PROMOTE));
        return Scenarios.report(s);
    }

    private static String compare(String service) {
        return "https://github.com/acme/" + service + "/compare/" + DOWN + "..." + UP;
    }

    /** Twelve commits, newest first, of which the report keeps all and a chat message lists five. */
    private static List<Pending.Commit> waiting() {
        List<Pending.Commit> commits = new ArrayList<>();
        commits.add(commit("1", "Fix tax rounding (#481)", "Ana Ruiz", 481));
        commits.add(commit("2", HOSTILE_TITLE, HOSTILE_AUTHOR, null));
        commits.add(commit("3", "Merge pull request #479 from acme/currency-cache", "Ben Ito", 479));
        for (int i = 4; i <= 12; i++) {
            commits.add(commit(Integer.toString(i, 16), "Refactor checkout step " + i + " (#" + (482 - i) + ")", "Dev " + i, 482 - i));
        }
        return commits;
    }

    private static Pending.Commit commit(String n, String title, String author, Integer pr) {
        String sha = n.repeat(40).substring(0, 40);
        return new Pending.Commit(sha, title, author, "https://github.com/acme/checkout/commit/" + sha, pr);
    }

    private static ServiceReport service(String name, EnvironmentReport staging, EnvironmentReport production, Pending pending,
            Ownership ownership, String promoteUrl) {
        Map<String, EnvironmentReport> envs = new LinkedHashMap<>();
        envs.put("staging", staging);
        envs.put("production", production);
        return COMPARATOR.judge(name, envs, pending == null ? List.of() : List.of(pending), Scenarios.AT)
                .withOwnership(ownership, promoteUrl);
    }
}
