package dev.envparity.testing;

import java.util.HashMap;
import java.util.Map;

import dev.envparity.testing.StubServer.Reply;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * One service, checkout, whose staging runs 2.4.0 and whose production runs 2.3.1 until it is deployed (its third look
 * sees 2.4.0), its repository on a GitHub stand-in, an owner with a Slack group, a runbook, a rollback note and a promote
 * link, a Slack target on a local stub that gets every message, and the generic deploy webhook.
 */
public class PendingScenarioResource implements QuarkusTestResourceLifecycleManager {
    public static final String TOKEN = "ghp_EndToEndTokenNeverShown42";
    public static final String GENERIC_SECRET = DeployScenarioResource.GENERIC_SECRET;
    public static final String CHAT_PATH = "/services/T1/B1/PendingChat77";
    public static final CommitGraph GRAPH = CommitGraph.linear(40);

    private StubServer environments;
    private StubServer chat;
    private GitHubStandIn github;

    /** The servers the test watches. */
    public record Stubs(StubServer environments, GitHubStandIn github, StubServer chat) {
    }

    @Override
    public Map<String, String> start() {
        environments = StubServer.http();
        chat = StubServer.http().on(CHAT_PATH, Reply.of(200, "text/html", "ok"));
        github = GitHubStandIn.start(TOKEN).repository("acme/checkout", GRAPH);
        environments.on("/checkout/staging/actuator/health", Reply.json(200, "{\"status\":\"UP\"}"));
        environments.on("/checkout/production/actuator/health", Reply.json(200, "{\"status\":\"UP\"}"));
        environments.on("/checkout/staging/actuator/info", info("2.4.0", GRAPH.at(30)));
        environments.on("/checkout/production/actuator/info", info("2.3.1", GRAPH.at(20)), info("2.3.1", GRAPH.at(20)),
                info("2.4.0", GRAPH.at(30)));
        Map<String, String> c = new HashMap<>();
        c.put("parity.environments", "staging,production");
        String service = "parity.services.checkout.";
        c.put(service + "urls.staging", environments.url("/checkout/staging"));
        c.put(service + "urls.production", environments.url("/checkout/production"));
        c.put(service + "repository", "github:acme/checkout");
        c.put(service + "owner.name", "Payments team");
        c.put(service + "owner.slack", "S0123ABC");
        c.put(service + "runbook", "https://wiki.example.com/runbooks/checkout");
        c.put(service + "rollback", "helm rollback checkout 0");
        c.put("parity.defaults.promote-url", "https://github.com/acme/{service}/actions/workflows/promote.yml?to={to}&ref={commit}");
        c.put("parity.scm.github.api-url", github.apiUrl());
        c.put("parity.scm.github.token", TOKEN);
        c.put("parity.hooks.generic.secret", GENERIC_SECRET);
        c.put("parity.hooks.verify.interval", "100ms");
        c.put("parity.hooks.verify.timeout", "3s");
        c.put("parity.hooks.verify.debounce", "0s");
        c.put("parity.notify.targets.team-chat.type", "slack");
        c.put("parity.notify.targets.team-chat.url", chat.url(CHAT_PATH));
        c.put("parity.notify.targets.team-chat.policy", "always");
        c.put("parity.notify.mention-at", "info");
        c.put("parity.notify.state.store", "memory");
        c.put("parity.schedule.cron", "off");
        return c;
    }

    private static Reply info(String version, String commit) {
        return Reply.json(200, "{\"build\":{\"version\":\"" + version + "\"},\"git\":{\"commit\":{\"id\":\"" + commit + "\"}}}");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(new Stubs(environments, github, chat), new TestInjector.MatchesType(Stubs.class));
    }

    @Override
    public void stop() {
        environments.close();
        chat.close();
        github.close();
    }
}
