package dev.envparity.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.envparity.testing.ChatStubResource;
import dev.envparity.testing.DemoProfile;
import dev.envparity.testing.StubServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The server with a Slack target: a check posts one digest, the next identical check posts nothing. */
@QuarkusTest
@TestProfile(DemoProfile.WithChat.class)
class NotificationRoutesTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    NotifierRegistry registry;

    StubServer chat;

    @Test
    void oneDigestPerChangeAndTheOutcomeInTheReport() {
        chat.reset();
        given().baseUri(base.toString()).post("/api/check").then().statusCode(200)
                .body("notifications.target", contains("demo-console", "team-chat"))
                .body("notifications.outcome", contains("delivered", "delivered"));
        List<StubServer.Request> posts = chat.requests(ChatStubResource.PATH);
        assertEquals(1, posts.size());
        String body = posts.get(0).body();
        assertTrue(body.contains("3 services need attention between staging and production: 1 unreachable, 1 unhealthy, 1 drifting"), body);
        assertFalse(body.contains("*payments*"), "payments is only info, below this target's min-severity: " + body);

        String second = given().baseUri(base.toString()).post("/api/check").then().statusCode(200)
                .extract().path("notifications.find { it.target == 'team-chat' }.outcome");
        assertEquals("skipped", second);
        assertEquals(1, chat.requests(ChatStubResource.PATH).size());
    }

    @Test
    void everyNotifierBeanHasGoldenFilesAndContractTests() {
        assertEquals(new TreeSet<>(Platforms.all().stream().map(Notifier::type).toList()), new TreeSet<>(registry.byType().keySet()));
    }
}
