package dev.envparity.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.envparity.testing.TestPlans;

/** parity.security-headers and parity.services.x.security-headers: the default list, overrides, none, mistakes. */
class SecurityHeadersConfigTest {

    private static List<String> headers(Map<String, String> p) {
        return TestPlans.plans(p).check().services().get(0).checks().securityHeaders();
    }

    private static List<String> problems(Map<String, String> p) {
        return assertThrows(InvalidConfigException.class, () -> TestPlans.plans(p)).problems();
    }

    @Test
    void theChecklistByDefaultAListOfYourOwnOrNone() {
        assertEquals(List.of("Strict-Transport-Security", "Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options",
                "Referrer-Policy", "Permissions-Policy", "Server", "X-Powered-By"), headers(Map.of()));
        assertEquals(List.of("Content-Security-Policy", "Cross-Origin-Opener-Policy"),
                headers(Map.of("parity.security-headers", "Content-Security-Policy,Cross-Origin-Opener-Policy")));
        assertEquals(List.of(), headers(Map.of("parity.services.app.security-headers", "none")));
        assertEquals(List.of("Server"), headers(Map.of("parity.security-headers", "none", "parity.services.app.security-headers",
                "Server")));
    }

    @Test
    void mistakesNameTheKey() {
        assertEquals(List.of("parity.security-headers[1]: not a valid header name", "parity.security-headers[2]: listed twice"),
                problems(Map.of("parity.security-headers", "Server,X Frame,server")));
        assertEquals(List.of("parity.services.app.security-headers: none turns the security header checklist off and stands "
                + "alone; remove it or the other entries"), problems(Map.of("parity.services.app.security-headers", "none,Server")));
        assertEquals(List.of("parity.security-headers: empty; write none to turn this check off, or list what to check"),
                problems(Map.of("parity.security-headers", "")));
    }
}
