package dev.envparity.trigger.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.envparity.ParityService;
import dev.envparity.report.Trigger;
import dev.envparity.testing.DemoProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A server whose notification state cannot be written says so on /q/health instead of re-posting every run. */
@QuarkusTest
@TestProfile(NotificationStateReadinessTest.UnwritableState.class)
class NotificationStateReadinessTest {

    /** The demo, with its notification state in a file whose folder is a regular file. */
    public static class UnwritableState extends DemoProfile {
        static final Path STATE = blockedPath();

        private static Path blockedPath() {
            try {
                Path blocker = Files.createTempFile("envparity-blocker", ".txt");
                blocker.toFile().deleteOnExit();
                return blocker.resolve("state.json");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parity.schedule.cron", "off", "parity.notify.state.store", "file",
                    "parity.notify.state.file", STATE.toString());
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Inject
    ParityService parity;

    @Test
    void readinessGoesDownNamingTheStateFileOnceAWriteFails() {
        given().baseUri(base.toString()).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        parity.run(Trigger.API);

        given().baseUri(base.toString()).get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'notification-state' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'notification-state' }.data.reason",
                        containsString("cannot write the notification state file " + UnwritableState.STATE));
        given().baseUri(base.toString()).get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
