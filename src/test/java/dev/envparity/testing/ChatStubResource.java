package dev.envparity.testing;

import java.util.Map;

import dev.envparity.testing.StubServer.Reply;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A chat webhook on a local port, configured as the Slack target "team-chat". */
public class ChatStubResource implements QuarkusTestResourceLifecycleManager {
    public static final String PATH = "/services/T000/B000/SecretHookToken77";
    private StubServer server;

    @Override
    public Map<String, String> start() {
        server = StubServer.http().on(PATH, Reply.of(200, "text/html", "ok"));
        return Map.of("parity.notify.targets.team-chat.type", "slack",
                "parity.notify.targets.team-chat.url", server.url(PATH),
                "parity.notify.targets.team-chat.min-severity", "warning");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.MatchesType(StubServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
