package dev.envparity.testing;

import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import dev.envparity.demo.DemoEnvironments;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts the same demo environments the packaged app serves, for tests running the demo profile. */
public class DemoEnvironmentsResource implements QuarkusTestResourceLifecycleManager {
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        server = DemoEnvironments.start();
        return Map.of(DemoEnvironments.PORT_PROPERTY, String.valueOf(server.getAddress().getPort()));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
