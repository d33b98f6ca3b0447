package dev.envparity.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.envparity.report.Severity;
import dev.envparity.testing.TestPlans;

class PlanResolverTest {

    private static Map<String, String> valid() {
        Map<String, String> p = new HashMap<>();
        p.put("parity.environments", "staging,production");
        p.put("parity.services.checkout.urls.staging", "https://checkout.staging.example.com");
        p.put("parity.services.checkout.urls.production", "https://checkout.example.com/app/");
        p.put("parity.services.payments.preset", "quarkus");
        p.put("parity.services.payments.urls.staging", "http://payments.staging:8080");
        p.put("parity.services.payments.urls.production", "http://payments:8080");
        p.put("parity.services.payments.version-pointer", "/app/version");
        p.put("parity.services.payments.compare", "/java/version,/os/name");
        p.put("parity.services.payments.headers.Authorization", "Bearer s3cr3t-token");
        p.put("parity.services.payments.timeout", "2s");
        return p;
    }

    private static List<String> problems(Map<String, String> p) {
        return assertThrows(InvalidConfigException.class, () -> TestPlans.plan(p)).problems();
    }

    @Test
    void resolvesPresetsAndOverrides() {
        CheckPlan plan = TestPlans.plan(valid());
        assertEquals(List.of("staging", "production"), plan.environments());
        assertEquals(Optional.of(Severity.WARNING), plan.failOn());
        assertEquals(Duration.ofHours(72), plan.maxPromotionLag());

        ServiceSpec checkout = plan.service("checkout").orElseThrow();
        assertEquals("/actuator/health", checkout.healthPath());
        assertEquals("/build/version", checkout.versionPointer());
        assertEquals(Duration.ofSeconds(5), checkout.timeout());
        assertEquals(URI.create("https://checkout.example.com/app/actuator/health"), checkout.healthUri("production"));

        ServiceSpec payments = plan.service("payments").orElseThrow();
        assertEquals("/q/health", payments.healthPath());
        assertEquals("/q/info", payments.versionPath());
        assertEquals("/app/version", payments.versionPointer());
        assertEquals("/git/commit/id", payments.commitPointer());
        assertEquals(List.of("/java/version", "/os/name"), payments.compare());
        assertEquals(Duration.ofSeconds(2), payments.timeout());
        assertEquals(List.of("checkout", "payments"), plan.services().stream().map(ServiceSpec::name).toList());
    }

    @Test
    void headerValuesNeverAppearInToString() {
        ServiceSpec payments = TestPlans.plan(valid()).service("payments").orElseThrow();
        assertFalse(payments.toString().contains("s3cr3t-token"), payments.toString());
        assertTrue(payments.toString().contains("Authorization"));
    }

    @Test
    void presetDefaultsFollowTheTable() {
        ServiceSpec plain = TestPlans.service("plain", "http://a", "http://b");
        assertEquals("/version", plain.versionPath());
        assertEquals("", plain.versionPointer());
        ServiceSpec dockerflow = TestPlans.service("dockerflow", "http://a", "http://b");
        assertEquals("/__heartbeat__", dockerflow.healthPath());
        assertEquals("/commit", dockerflow.commitPointer());
        ServiceSpec healthJson = TestPlans.service("health-json", "http://a", "http://b");
        assertEquals(healthJson.healthPath(), healthJson.versionPath());
        assertEquals("/releaseId", healthJson.commitPointer());
    }

    @Test
    void fewerThanTwoEnvironments() {
        Map<String, String> p = valid();
        p.put("parity.environments", "production");
        p.remove("parity.services.checkout.urls.staging");
        p.remove("parity.services.payments.urls.staging");
        assertTrue(problems(p).stream().anyMatch(m -> m.startsWith("parity.environments: list at least two")));
    }

    @Test
    void missingEnvironmentsAndServicesPointAtTheDemo() {
        List<String> problems = problems(Map.of());
        assertTrue(problems.get(0).startsWith("parity.environments:"), problems.toString());
        assertTrue(problems.stream().anyMatch(m -> m.contains("-Dquarkus.profile=demo")), problems.toString());
    }

    @Test
    void unknownEnvironmentInUrls() {
        Map<String, String> p = valid();
        p.put("parity.services.checkout.urls.qa", "https://qa.example.com");
        assertEquals(List.of("parity.services.checkout.urls.qa: 'qa' is not one of parity.environments [staging, production]"),
                problems(p));
    }

    @Test
    void missingUrlForAnEnvironment() {
        Map<String, String> p = valid();
        p.remove("parity.services.checkout.urls.production");
        assertEquals(List.of("parity.services.checkout.urls.production: missing; every service needs a base URL for each environment"),
                problems(p));
    }

    @Test
    void malformedUrls() {
        Map<String, String> p = valid();
        p.put("parity.services.checkout.urls.staging", "checkout.staging.example.com");
        p.put("parity.services.checkout.urls.production", "https://user:pw@checkout.example.com");
        p.put("parity.services.payments.urls.staging", "http://payments:8080/?token=abc");
        p.put("parity.services.payments.urls.production", "http://exa mple.com");
        List<String> problems = problems(p);
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.contains("parity.services.checkout.urls.staging: must start with http:// or https://"));
        assertTrue(problems.contains(
                "parity.services.checkout.urls.production: credentials in the URL are not supported; send them with headers (Authorization)"));
        assertTrue(problems.stream().anyMatch(m -> m.startsWith("parity.services.payments.urls.staging: a base URL must not carry a query")));
        assertTrue(problems.stream().anyMatch(m -> m.startsWith("parity.services.payments.urls.production: not a valid URL")));
        assertFalse(problems.toString().contains("pw@"), "a credential must not be echoed");
    }

    @Test
    void badPointers() {
        Map<String, String> p = valid();
        p.put("parity.services.checkout.version-pointer", "build.version");
        p.put("parity.services.payments.compare", "/java/version,java.vendor");
        List<String> problems = problems(p);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("parity.services.checkout.version-pointer: not a JSON Pointer"));
        assertTrue(problems.get(1).startsWith("parity.services.payments.compare[1]: not a JSON Pointer"));
    }

    @Test
    void unknownPresets() {
        Map<String, String> p = valid();
        p.put("parity.services.payments.preset", "micronaut");
        p.put("parity.defaults.preset", "django");
        List<String> problems = problems(p);
        assertTrue(problems.contains("parity.defaults.preset: unknown preset; use one of spring-boot, quarkus, dockerflow, health-json, plain"), problems.toString());
        assertTrue(problems.contains("parity.services.payments.preset: unknown preset; use one of spring-boot, quarkus, dockerflow, health-json, plain"), problems.toString());
    }

    @Test
    void failOnTimeoutsAndHeaders() {
        Map<String, String> p = valid();
        p.put("parity.fail-on", "error");
        p.put("parity.services.checkout.timeout", "10m");
        p.put("parity.services.checkout.headers.Host", "evil");
        p.put("parity.services.checkout.health-path", "actuator/health");
        List<String> problems = problems(p);
        assertTrue(problems.contains("parity.fail-on: unknown severity; use ok, info, warning, critical or never"), problems.toString());
        assertTrue(problems.stream().anyMatch(m -> m.startsWith("parity.services.checkout.timeout: must be between")), problems.toString());
        assertTrue(problems.contains("parity.services.checkout.headers.Host: this header is set by the HTTP client and cannot be configured"), problems.toString());
        assertTrue(problems.contains("parity.services.checkout.health-path: must start with '/'"), problems.toString());
        p.put("parity.services.checkout.version-path", "/actuator/in fo");
        assertTrue(problems(p).contains("parity.services.checkout.version-path: not a valid URL path; escape spaces and special "
                + "characters (%20)"), problems(p).toString());
        assertTrue(problems(p).stream().noneMatch(m -> m.contains("in fo")), "never the value");
    }

    @Test
    void failOnNeverMeansNoThreshold() {
        Map<String, String> p = valid();
        p.put("parity.fail-on", "never");
        assertEquals(Optional.empty(), TestPlans.plan(p).failOn());
    }

    @Test
    void aliasesMustBeUnique() {
        Map<String, String> p = valid();
        p.put("parity.services.checkout.aliases", "acme/shop,payments");
        assertEquals(List.of("parity.services.checkout.aliases: 'payments' already names service payments"), problems(p));
    }

    @Test
    void noProblemRepeatsTheValueItIsAbout() {
        Map<String, String> p = valid();
        p.put("parity.fail-on", "secret-1");
        p.put("parity.defaults.preset", "secret-2");
        p.put("parity.services.checkout.health-path", "secret-3");
        p.put("parity.services.checkout.version-pointer", "secret-4");
        p.put("parity.services.checkout.version-header", "secret 5");
        p.put("parity.services.checkout.timeout", "999h");
        p.put("parity.hooks.verify.async", "secret-6");
        List<String> problems = problems(p);
        assertEquals(7, problems.size(), problems.toString());
        assertFalse(problems.toString().contains("secret") || problems.toString().contains("999"), problems.toString());
    }

    @Test
    void historyAndHeartbeat() {
        Plans plans = TestPlans.plans(Map.of());
        assertEquals(Duration.ofDays(90), plans.history().retention());
        assertEquals(Optional.empty(), plans.heartbeat().url());
        Plans set = TestPlans.plans(Map.of("parity.history.retention", "30d", "parity.heartbeat.url",
                "https://hc-ping.com/0f6c3e1a-secret", "parity.heartbeat.method", "post"));
        assertEquals(Duration.ofDays(30), set.history().retention());
        assertTrue(set.heartbeat().post());
        assertEquals(URI.create("https://hc-ping.com/0f6c3e1a-secret/fail"), set.heartbeat().failUrl().orElseThrow());
    }

    @Test
    void historyAndHeartbeatProblemsNameTheKeyAndNeverTheUrl() {
        List<String> problems = assertThrows(InvalidConfigException.class, () -> TestPlans.plans(Map.of(
                "parity.history.retention", "2h", "parity.heartbeat.url", "http://hc-ping.com/0f6c3e1a-secret",
                "parity.heartbeat.method", "put", "parity.heartbeat.timeout", "5m"))).problems();
        assertEquals(List.of("parity.history.retention: must be at least 1d, e.g. 90d",
                "parity.heartbeat.url: must be an https:// URL (the value is a secret and is not shown)",
                "parity.heartbeat.method: unknown method; use get or post", "parity.heartbeat.timeout: must be between 1ms and 30s"),
                problems);
        List<String> failOnly = assertThrows(InvalidConfigException.class, () -> TestPlans.plans(Map.of(
                "parity.heartbeat.fail-url", "https://hc-ping.com/0f6c3e1a-secret/fail"))).problems();
        assertEquals(List.of("parity.heartbeat.fail-url: set parity.heartbeat.url too; the success ping is the heartbeat"), failOnly);
        assertFalse(String.join(" ", problems).contains("0f6c3e1a"));
    }
}
