package dev.envparity.trigger.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.envparity.testing.LambdaEvents;
import dev.envparity.testing.SecuredProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Every HTML page carries a strict CSP (no inline script, styles by hash, no framing); JSON carrying the report is never cached. */
@QuarkusTest
@TestProfile(SecuredProfile.class)
class SecurityHeadersTest {
    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    @TestHTTPResource("/")
    URL base;

    static void strictHtml(String what, String body, Function<String, String> header) throws Exception {
        String csp = header.apply("Content-Security-Policy");
        assertTrue(csp != null && csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), what + ": " + csp);
        assertFalse(csp.contains("unsafe-inline") || csp.contains("script-src"), what + " allows inline code: " + csp);
        assertFalse(body.contains("<script"), what + " has a script");
        assertFalse(body.matches("(?s).*\\sstyle=\".*"), what + " has a style attribute, which a hash cannot allow");
        Matcher m = STYLE.matcher(body);
        boolean styled = false;
        while (m.find()) {
            styled = true;
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8));
            String source = "'sha256-" + Base64.getEncoder().encodeToString(hash) + "'";
            assertTrue(csp.contains(source), what + ": the CSP does not allow its own stylesheet " + source + ": " + csp);
        }
        assertTrue(styled, what + " is styled");
        assertEquals("nosniff", header.apply("X-Content-Type-Options"), what);
        assertEquals("no-referrer", header.apply("Referrer-Policy"), what);
        assertEquals("no-store", header.apply("Cache-Control"), what);
    }

    private String cookie() {
        return given().baseUri(base.toString()).redirects().follow(false).formParam("token", SecuredProfile.TOKEN).post("/login")
                .getHeader("Set-Cookie").split(";")[0];
    }

    @Test
    void htmlPagesThroughTheServer() throws Exception {
        Response signIn = given().baseUri(base.toString()).get("/");
        strictHtml("the sign-in page", signIn.asString(), signIn::getHeader);
        Response wrong = given().baseUri(base.toString()).formParam("token", "not-it").post("/login");
        strictHtml("the sign-in page after a wrong token", wrong.asString(), wrong::getHeader);
        Response dashboard = given().baseUri(base.toString()).header("Cookie", cookie()).get("/");
        assertEquals(200, dashboard.statusCode());
        strictHtml("the dashboard", dashboard.asString(), dashboard::getHeader);
    }

    @Test
    void htmlPagesThroughTheFunctionUrl() throws Exception {
        JsonPath signIn = LambdaEvents.http("GET", "/", "", "198.51.100.30", Map.of());
        strictHtml("the Function URL sign-in page", signIn.getString("body"), h -> signIn.getString("headers.'" + h.toLowerCase() + "'"));
        JsonPath dashboard = LambdaEvents.http("GET", "/", "", "198.51.100.30", Map.of("authorization", "Bearer " + SecuredProfile.TOKEN));
        assertEquals(200, dashboard.getInt("statusCode"));
        strictHtml("the Function URL dashboard", dashboard.getString("body"), h -> dashboard.getString("headers.'" + h.toLowerCase() + "'"));
    }

    @Test
    void jsonAnswers() {
        for (String path : new String[] { "/api/report", "/api/check" }) {
            Response r = given().baseUri(base.toString()).header("Authorization", "Bearer " + SecuredProfile.TOKEN)
                    .request(path.endsWith("check") ? "POST" : "GET", path);
            assertEquals(200, r.statusCode(), path);
            assertEquals("nosniff", r.getHeader("X-Content-Type-Options"), path);
            assertEquals("no-store", r.getHeader("Cache-Control"), path);
        }
        JsonPath report = LambdaEvents.http("GET", "/api/report", "", "198.51.100.30", Map.of("authorization", "Bearer " + SecuredProfile.TOKEN));
        assertEquals("nosniff", report.getString("headers.'x-content-type-options'"));
        assertEquals("no-store", report.getString("headers.'cache-control'"));
        given().baseUri(base.toString()).get("/api/report").then().statusCode(401).header("X-Content-Type-Options", "nosniff");
        given().baseUri(base.toString()).get("/q/health").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
        given().baseUri(base.toString()).get("/q/no-such-endpoint").then().statusCode(404).header("X-Content-Type-Options", "nosniff");
        given().baseUri(base.toString()).contentType("application/json").body("{}").post("/hooks/github").then().statusCode(401)
                .header("X-Content-Type-Options", "nosniff");
    }
}
