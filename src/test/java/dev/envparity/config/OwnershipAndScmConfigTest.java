package dev.envparity.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.envparity.report.Owner;
import dev.envparity.report.Ownership;
import dev.envparity.testing.TestPlans;

/** {@code repository}, owners, runbooks, rollback notes, promote links and {@code parity.scm}: checked at start-up. */
class OwnershipAndScmConfigTest {
    private static final String TOKEN = "ghp_s3cr3tT0kenValue";

    private static List<String> problems(Map<String, String> p) {
        return assertThrows(InvalidConfigException.class, () -> TestPlans.plans(p)).problems();
    }

    private static ServiceSpec app(Map<String, String> p) {
        return TestPlans.plans(p).check().service("app").orElseThrow();
    }

    @Test
    void repositoriesOnGitHubAndGitLabAtAnyDepth() {
        assertEquals(new Repository(Repository.Host.GITHUB, "acme/checkout"),
                app(Map.of("parity.services.app.repository", "github:acme/checkout")).repository());
        assertEquals(new Repository(Repository.Host.GITLAB, "platform/payments/api"),
                app(Map.of("parity.services.app.repository", "gitlab:platform/payments/api")).repository());
        assertNull(app(Map.of()).repository());
        for (String bad : List.of("acme/checkout", "github:acme", "github:acme/checkout/extra", "gitlab:shop",
                "bitbucket:acme/checkout", "github:acme/check out", "https://github.com/acme/checkout")) {
            assertEquals(List.of("parity.services.app.repository: use github:<owner>/<repo> or gitlab:<group>/<project>"),
                    problems(Map.of("parity.services.app.repository", bad)), bad);
        }
    }

    @Test
    void theCodeHostsDefaultToTheirPublicApis() {
        ScmPlan scm = TestPlans.plans(Map.of()).scm();
        assertEquals(URI.create("https://api.github.com"), scm.github().apiUrl());
        assertEquals(URI.create("https://gitlab.com/api/v4"), scm.gitlab().apiUrl());
        assertEquals(Optional.empty(), scm.github().token());
        assertEquals(Duration.ofSeconds(10), scm.timeout());

        ScmPlan ghes = TestPlans.plans(Map.of("parity.scm.github.api-url", "https://github.example.com/api/v3/",
                "parity.scm.github.token", TOKEN, "parity.scm.gitlab.token", "")).scm();
        assertEquals(URI.create("https://github.example.com/api/v3"), ghes.github().apiUrl());
        assertEquals(Optional.of(TOKEN), ghes.github().token());
        assertEquals(Optional.empty(), ghes.gitlab().token(), "empty, as ${GITLAB_TOKEN:} is when unset: no token");
        assertFalse(ghes.toString().contains(TOKEN));
    }

    @Test
    void tokensTravelOnlyOverHttpsAndAreNeverShown() {
        List<String> problems = problems(Map.of("parity.scm.github.api-url", "http://github.example.com/api/v3",
                "parity.scm.gitlab.api-url", "https://user:" + TOKEN + "@gitlab.example.com/api/v4",
                "parity.scm.github.token", "  ", "parity.scm.gitlab.token", "glpat-" + TOKEN + "\nX-Injected: 1",
                "parity.scm.timeout", "5m"));
        assertEquals(List.of("parity.scm.timeout: must be between 100ms and 60s",
                "parity.scm.github.api-url: must be an https:// URL, e.g. https://github.example.com/api/v3",
                "parity.scm.github.token: only whitespace; set the token, or leave the key out (or empty) to call without one",
                "parity.scm.gitlab.api-url: must not carry credentials, a query or a fragment",
                "parity.scm.gitlab.token: contains a space, a line break or a control character (the value is a secret and is "
                        + "not shown)"), problems);
        assertTrue(problems.stream().noneMatch(p -> p.contains(TOKEN)), problems.toString());
        assertEquals(URI.create("http://127.0.0.1:8089/api/v3"),
                TestPlans.plans(Map.of("parity.scm.github.api-url", "http://127.0.0.1:8089/api/v3")).scm().github().apiUrl(),
                "plain http to loopback, for testing");
    }

    @Test
    void ownersRunbooksAndRollbackNotesFallBackToTheDefaults() {
        Map<String, String> p = Map.of("parity.defaults.owner.name", "Platform team", "parity.defaults.owner.slack", "S0123ABC",
                "parity.defaults.runbook", "https://wiki.example.com/runbooks/{service}",
                "parity.defaults.rollback", "helm rollback {service}",
                "parity.services.other.urls.staging", "http://127.0.0.1:3", "parity.services.other.urls.production",
                "http://127.0.0.1:4", "parity.services.other.owner.name", "Payments", "parity.services.other.owner.discord",
                "123456789012345678", "parity.services.other.rollback", "https://wiki.example.com/other-rollback");
        CheckPlan plan = TestPlans.plans(p).check();
        assertEquals(new Ownership(new Owner("Platform team", "S0123ABC", null, null, null),
                "https://wiki.example.com/runbooks/app", "helm rollback app"), plan.service("app").orElseThrow().ownership());
        assertEquals(new Ownership(new Owner("Payments", null, "123456789012345678", null, null),
                "https://wiki.example.com/runbooks/other", "https://wiki.example.com/other-rollback"),
                plan.service("other").orElseThrow().ownership(), "its own owner, and none of the default's mention ids");
        assertEquals(Ownership.NONE, app(Map.of()).ownership());
    }

    @Test
    void mentionIdsMustHaveTheirPlatformsForm() {
        List<String> problems = problems(Map.of("parity.services.app.owner.slack", "<!channel>",
                "parity.services.app.owner.discord", "@everyone", "parity.services.app.owner.mattermost", "@all",
                "parity.services.app.owner.google-chat", "<users/all>", "parity.defaults.owner.name", "Ops",
                "parity.defaults.owner.slack", "here"));
        assertEquals(List.of("parity.defaults.owner.slack: not a Slack user group id (S…) or user id (U… or W…)",
                "parity.services.app.owner.name: missing; an owner needs a display name (shown everywhere, and by Teams "
                        + "instead of a mention)",
                "parity.services.app.owner.slack: not a Slack user group id (S…) or user id (U… or W…)",
                "parity.services.app.owner.discord: not a Discord role id (digits only)",
                "parity.services.app.owner.mattermost: not a Mattermost user or group name (lower-case letters, digits, '.', "
                        + "'-' and '_'; no '@')",
                "parity.services.app.owner.google-chat: not a Google Chat user: users/ and its numeric id"), problems);
        Owner owner = app(Map.of("parity.services.app.owner.name", "Payments", "parity.services.app.owner.slack", "U024BE7LH",
                "parity.services.app.owner.mattermost", "payments-oncall", "parity.services.app.owner.google-chat",
                "users/123456789")).ownership().owner();
        assertEquals(new Owner("Payments", "U024BE7LH", null, "payments-oncall", "users/123456789"), owner);
    }

    @Test
    void promoteLinksAreUrlTemplatesWithKnownPlaceholders() {
        assertEquals("https://github.com/acme/{service}/actions/workflows/promote.yml?ref={commit}&to={to}",
                app(Map.of("parity.defaults.promote-url",
                        "https://github.com/acme/{service}/actions/workflows/promote.yml?ref={commit}&to={to}")).promoteUrl());
        assertEquals(List.of("parity.services.app.runbook: must be an http:// or https:// URL",
                "parity.services.app.rollback: a short note (one line, at most 500 characters) or a URL",
                "parity.services.app.promote-url: a placeholder it does not know; use only {service}, {from}, {to}, {version}, {commit}"),
                problems(Map.of("parity.services.app.promote-url", "https://argo.example.com/{env}",
                        "parity.services.app.runbook", "wiki page", "parity.services.app.rollback", "x".repeat(501))));
        assertEquals(List.of("parity.defaults.promote-url: must be an http:// or https:// URL"),
                problems(Map.of("parity.defaults.promote-url", "javascript:alert({service})")));
    }
}
