package dev.envparity.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.testing.Signatures;

/**
 * What every {@link DeployHook} promises, whatever its provider: off without its secret, nothing accepted without
 * valid credentials, a secret never in a refusal, a valid delivery read as a deploy, and a body without the fields
 * a deploy needs refused as malformed or ignored — never accepted, never an unexpected exception. A new provider
 * adds one row to {@link #providers()} and inherits all of it.
 */
class DeployHookContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.now();

    /**
     * @param hook the provider with a secret, or without one (empty)
     * @param fixture a real-shaped deploy event (src/test/resources/hooks)
     * @param sign the headers the tool would send for a body, given the secret
     * @param signsBody whether the credential covers the body (an HMAC), rather than being a bare token
     */
    record Provider(String name, Function<Optional<String>, DeployHook> hook, String secret, String fixture,
            BiFunction<String, String, Map<String, String>> sign, boolean signsBody) {
        @Override
        public String toString() {
            return name;
        }

        HookRequest request(String body, Map<String, String> headers) {
            Map<String, String> lower = new HashMap<>();
            headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
            return new HookRequest(name, lower, body.getBytes(StandardCharsets.UTF_8));
        }

        DeployHook configured() {
            return hook.apply(Optional.of(secret));
        }
    }

    static Stream<Provider> providers() {
        return Stream.of(
                new Provider("github", s -> new GitHubHook(s, Map.of()), "gh-secret-7c1f", "github-deployment-status.json",
                        (secret, body) -> Map.of("X-GitHub-Event", "deployment_status", "X-GitHub-Delivery", "d-1",
                                "X-Hub-Signature-256", Signatures.github(secret, body)), true),
                new Provider("gitlab", GitLabHook::new, "gl-token-92ab", "gitlab-deployment.json",
                        (secret, body) -> Map.of("X-Gitlab-Token", secret, "X-Gitlab-Event", "Deployment Hook"), false),
                new Provider("argocd", ArgoCdHook::new, "argo-token-5d3e", "argocd-deployed.json",
                        (secret, body) -> Map.of("Authorization", "Bearer " + secret), false),
                new Provider("generic", GenericHook::new, "whsec_Z2VuZXJpYy1zaWduaW5nLXNlY3JldC1mb3ItdGVzdHM=", "generic-deploy.json",
                        (secret, body) -> Signatures.standardWebhooks(secret, "msg_1", NOW.getEpochSecond(), body), true));
    }

    /** The credential of another secret of the same shape. */
    private static String other(Provider p) {
        return p.name().equals("generic") ? "whsec_b3RoZXItc2lnbmluZy1zZWNyZXQtb2YtdGhlLXNhbWUtc2l6ZQ==" : p.secret() + "-other";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void isOffWithoutItsSecretAndSaysWhichKeyTurnsItOn(Provider p) {
        String body = DeployHooksTest.fixture(p.fixture());
        Optional<String> refused = p.hook().apply(Optional.empty()).verify(p.request(body, p.sign().apply(p.secret(), body)), NOW);
        assertTrue(refused.isPresent(), "a provider without its secret accepts nothing");
        assertTrue(refused.get().contains("parity.hooks." + p.name() + "."), refused.get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void acceptsNothingWithoutValidCredentialsAndNeverEchoesTheSecret(Provider p) {
        String body = DeployHooksTest.fixture(p.fixture());
        DeployHook hook = p.configured();
        List<String> reasons = new ArrayList<>();
        reasons.add(hook.verify(p.request(body, Map.of()), NOW).orElseThrow(() -> new AssertionError("no credentials")));
        reasons.add(hook.verify(p.request(body, p.sign().apply(other(p), body)), NOW)
                .orElseThrow(() -> new AssertionError("another secret's credentials")));
        if (p.signsBody()) {
            reasons.add(hook.verify(p.request(body + " ", p.sign().apply(p.secret(), body)), NOW)
                    .orElseThrow(() -> new AssertionError("a body changed after signing")));
        }
        for (String reason : reasons) {
            assertFalse(reason.contains(p.secret()) || reason.contains(other(p)), () -> "a refusal shows a secret: " + reason);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void readsAValidDeliveryAsADeploy(Provider p) throws Exception {
        String body = DeployHooksTest.fixture(p.fixture());
        HookRequest request = p.request(body, p.sign().apply(p.secret(), body));
        DeployHook hook = p.configured();
        assertEquals(Optional.empty(), hook.verify(request, NOW));
        Parsed parsed = hook.parse(request, JSON.readTree(body));
        DeployNotice notice = assertInstanceOf(Parsed.Deploy.class, parsed, parsed::toString).notice();
        assertEquals(p.name(), notice.source());
        assertFalse(notice.names().isEmpty(), "names the deployed service");
        assertNotNull(notice.environment(), "names the environment");
        assertTrue(!hook.replayWindow().isNegative() && !hook.replayWindow().isZero());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void aBodyWithoutTheFieldsOfADeployIsNeverAccepted(Provider p) throws Exception {
        for (String body : List.of("{}", "{\"status\":\"success\"}", "{\"object_kind\":\"deployment\"}",
                "{\"deployment_status\":{\"state\":\"success\"}}")) {
            HookRequest request = p.request(body, p.sign().apply(p.secret(), body));
            JsonNode document = JSON.readTree(body);
            try {
                Parsed parsed = p.configured().parse(request, document);
                assertFalse(parsed instanceof Parsed.Deploy, () -> body + " was read as a deploy");
            } catch (MalformedHookException expected) {
                assertFalse(expected.getMessage().isBlank());
            }
        }
    }
}
