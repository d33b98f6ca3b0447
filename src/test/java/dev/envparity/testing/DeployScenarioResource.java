package dev.envparity.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.envparity.testing.StubServer.Reply;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Four services in staging and production on one local stub, a Slack target on another, every webhook provider
 * enabled with known secrets, and short verification timings. The init argument {@code services} (comma-separated)
 * names other services instead.
 */
public class DeployScenarioResource implements QuarkusTestResourceLifecycleManager {
    public static final String GITHUB_SECRET = "gh-secret-7c1f";
    public static final String GITLAB_TOKEN = "gl-token-92ab";
    public static final String ARGOCD_TOKEN = "argo-token-5d3e";
    /** whsec_ + base64("generic-signing-secret-for-tests"). */
    public static final String GENERIC_SECRET = "whsec_Z2VuZXJpYy1zaWduaW5nLXNlY3JldC1mb3ItdGVzdHM=";
    public static final String CHAT_PATH = "/services/T1/B1/ChatSecret55";
    public static final List<String> SERVICES = List.of("checkout", "payments", "search", "ledger");

    private StubServer environments;
    private StubServer chat;
    private List<String> services = SERVICES;

    @Override
    public void init(Map<String, String> initArgs) {
        if (initArgs.containsKey("services")) {
            services = List.of(initArgs.get("services").split(","));
        }
    }

    @Override
    public Map<String, String> start() {
        environments = StubServer.http();
        chat = StubServer.http().on(CHAT_PATH, Reply.of(200, "text/html", "ok"));
        Map<String, String> c = new HashMap<>();
        c.put("parity.environments", "staging,production");
        c.put("parity.environment-aliases.stg", "staging");
        c.put("parity.environment-aliases.prod", "production");
        for (String s : services) {
            c.put("parity.services." + s + ".urls.staging", environments.url("/" + s + "/staging"));
            c.put("parity.services." + s + ".urls.production", environments.url("/" + s + "/production"));
            c.put("parity.services." + s + ".aliases", "acme/" + s);
            serve(environments, s, "staging", "2.4.0");
            serve(environments, s, "production", "2.3.9");
        }
        c.put("parity.hooks.github.secret", GITHUB_SECRET);
        c.put("parity.hooks.gitlab.token", GITLAB_TOKEN);
        c.put("parity.hooks.argocd.token", ARGOCD_TOKEN);
        c.put("parity.hooks.generic.secret", GENERIC_SECRET);
        c.put("parity.hooks.verify.interval", "100ms");
        c.put("parity.hooks.verify.timeout", "2s");
        c.put("parity.hooks.verify.debounce", "2s"); // wide enough for a burst of twenty on a busy two-core machine
        c.put("parity.notify.targets.team-chat.type", "slack");
        c.put("parity.notify.targets.team-chat.url", chat.url(CHAT_PATH));
        c.put("parity.schedule.cron", "off");
        return c;
    }

    /** Serves a service's endpoints in one environment: UP, and {@code versions} in turn (the last one repeats). */
    public static void serve(StubServer environments, String service, String env, String... versions) {
        environments.on("/" + service + "/" + env + "/actuator/health", Reply.json(200, "{\"status\":\"UP\"}"));
        Reply[] replies = new Reply[versions.length];
        for (int i = 0; i < versions.length; i++) {
            replies[i] = Reply.json(200, "{\"build\":{\"version\":\"" + versions[i] + "\"}}");
        }
        environments.on("/" + service + "/" + env + "/actuator/info", replies);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(new DeployStubs(environments, chat), new TestInjector.MatchesType(DeployStubs.class));
    }

    @Override
    public void stop() {
        environments.close();
        chat.close();
    }
}
