package dev.envparity.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.envparity.config.InvalidConfigException;
import dev.envparity.config.ParityConfig;
import dev.envparity.config.PlanResolver;
import dev.envparity.report.Severity;
import dev.envparity.testing.TestPlans;

class NotifyPlanResolverTest {
    private static final String SLACK_URL = "https://hooks.slack.com/services/T000/B000/SuperSecretValue42";

    private static Map<String, String> base() {
        Map<String, String> p = new HashMap<>();
        p.put("parity.environments", "staging,production");
        p.put("parity.services.payments.urls.staging", "https://payments.staging.example.com");
        p.put("parity.services.payments.urls.production", "https://payments.example.com");
        return p;
    }

    private static Map<String, Notifier<?>> notifiers() {
        Map<String, Notifier<?>> m = new TreeMap<>();
        Platforms.all().forEach(n -> m.put(n.type(), n));
        return m;
    }

    private static NotifyPlan resolve(Map<String, String> p) {
        ParityConfig config = TestPlans.config(p);
        return NotifyPlanResolver.resolve(config.notifications(), PlanResolver.resolve(config), notifiers());
    }

    private static List<String> problems(Map<String, String> p) {
        List<String> problems = assertThrows(InvalidConfigException.class, () -> resolve(p)).problems();
        problems.forEach(m -> assertFalse(m.contains("SuperSecretValue42"), "a webhook URL must never be echoed: " + m));
        return problems;
    }

    @Test
    void aValidTarget() {
        Map<String, String> p = base();
        p.put("parity.notify.targets.payments-team.type", "slack");
        p.put("parity.notify.targets.payments-team.url", SLACK_URL);
        p.put("parity.notify.targets.payments-team.min-severity", "warning");
        p.put("parity.notify.targets.payments-team.services", "payments");
        p.put("parity.notify.targets.payments-team.environments", "production");
        p.put("parity.notify.mute.payments", "2026-12-01T06:00:00Z");
        NotifyPlan plan = resolve(p);
        Target t = plan.targets().get(0);
        assertEquals(Severity.WARNING, t.minSeverity());
        assertEquals(Target.Policy.ON_CHANGE, t.policy());
        assertFalse(t.toString().contains("SuperSecretValue42"), t.toString());
        assertEquals(1, plan.mutes().size());
    }

    @Test
    void ownersAreMentionedFromCriticalUnlessConfiguredOtherwise() {
        assertEquals(java.util.Optional.of(Severity.CRITICAL), resolve(base()).mentionAt());
        Map<String, String> p = base();
        p.put("parity.notify.mention-at", "warning");
        assertEquals(java.util.Optional.of(Severity.WARNING), resolve(p).mentionAt());
        p.put("parity.notify.mention-at", "never");
        assertEquals(java.util.Optional.empty(), resolve(p).mentionAt());
        p.put("parity.notify.mention-at", "loud");
        assertEquals(List.of("parity.notify.mention-at: unknown severity; use ok, info, warning, critical or never"), problems(p));
    }

    @Test
    void unknownTypeListsTheKnownOnes() {
        Map<String, String> p = base();
        p.put("parity.notify.targets.chat.type", "slak");
        assertEquals(List.of("parity.notify.targets.chat.type: unknown type 'slak'; use one of console, discord, "
                + "google-chat, mattermost, slack, teams, webhook"), problems(p));
    }

    @Test
    void urlProblemsNeverShowTheUrl() {
        Map<String, String> p = base();
        p.put("parity.notify.targets.a.type", "slack");
        p.put("parity.notify.targets.b.type", "discord");
        p.put("parity.notify.targets.b.url", "http://discord.com/api/webhooks/1/SuperSecretValue42");
        p.put("parity.notify.targets.c.type", "teams");
        p.put("parity.notify.targets.c.url", "https://acme.webhook.office.com/webhookb2/SuperSecretValue42");
        p.put("parity.notify.targets.d.type", "mattermost");
        p.put("parity.notify.targets.d.url", "https://chat example/SuperSecretValue42");
        List<String> problems = problems(p);
        assertTrue(problems.contains("parity.notify.targets.a.url: missing; a slack target needs its webhook URL, e.g. url: ${SLACK_WEBHOOK_URL}"), problems.toString());
        assertTrue(problems.contains("parity.notify.targets.b.url: must be an https:// URL (the value is a secret and is not shown)"), problems.toString());
        assertTrue(problems.stream().anyMatch(m -> m.startsWith("parity.notify.targets.c.url: an Office 365 connector URL")), problems.toString());
        assertTrue(problems.contains("parity.notify.targets.d.url: not a valid URL (the value is a secret and is not shown)"), problems.toString());
    }

    @Test
    void filtersMustNameConfiguredServicesAndEnvironments() {
        Map<String, String> p = base();
        p.put("parity.notify.targets.chat.type", "console");
        p.put("parity.notify.targets.chat.services", "payment");
        p.put("parity.notify.targets.chat.environments", "prod");
        p.put("parity.notify.targets.chat.min-severity", "high");
        p.put("parity.notify.targets.chat.policy", "sometimes");
        p.put("parity.notify.mute.billing", "2026-12-01T06:00:00Z");
        List<String> problems = problems(p);
        assertTrue(problems.contains("parity.notify.targets.chat.services: no service named 'payment' in parity.services"), problems.toString());
        assertTrue(problems.contains("parity.notify.targets.chat.environments: 'prod' is not one of parity.environments [staging, production]"), problems.toString());
        assertTrue(problems.contains("parity.notify.targets.chat.min-severity: unknown severity 'high'; use ok, info, warning or critical"), problems.toString());
        assertTrue(problems.contains("parity.notify.targets.chat.policy: unknown policy 'sometimes'; use always, on-change or never"), problems.toString());
        assertTrue(problems.contains("parity.notify.mute.billing: no service named 'billing' in parity.services"), problems.toString());
    }

    @Test
    void confirmAfterTakesChecksOrADuration() {
        Map<String, String> p = base();
        assertEquals(ConfirmAfter.AT_ONCE, resolve(p).confirmAfter(), "every finding at once unless asked otherwise");
        p.put("parity.notify.confirm-after", "2 checks");
        assertEquals(new ConfirmAfter(2, java.time.Duration.ZERO), resolve(p).confirmAfter());
        p.put("parity.notify.confirm-after", "1 check");
        assertEquals(ConfirmAfter.AT_ONCE, resolve(p).confirmAfter());
        p.put("parity.notify.confirm-after", "10m");
        assertEquals(new ConfirmAfter(1, java.time.Duration.ofMinutes(10)), resolve(p).confirmAfter());
        for (String wrong : List.of("two checks", "0 checks", "-5m", "soon")) {
            p.put("parity.notify.confirm-after", wrong);
            assertEquals(List.of("parity.notify.confirm-after: write a number of checks or a duration, e.g. \"2 checks\" or 10m"),
                    problems(p), wrong);
        }
    }
}
