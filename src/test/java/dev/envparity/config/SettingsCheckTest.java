package dev.envparity.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import dev.envparity.testing.TestPlans;
import io.smallrye.config.EnvConfigSource;

/** Unknown keys, values of the wrong kind and unset variables: every one reported, by key, never with its value. */
class SettingsCheckTest {

    private static Map<String, String> valid() {
        Map<String, String> p = new HashMap<>();
        p.put("parity.environments", "staging,production");
        p.put("parity.services.checkout.urls.staging", "https://checkout.staging.example.com");
        p.put("parity.services.checkout.urls.production", "https://checkout.example.com");
        return p;
    }

    private static List<String> problems(Map<String, String> p, ConfigSource... more) {
        return assertThrows(InvalidConfigException.class, () -> TestPlans.plan(p, more)).problems();
    }

    @Test
    void unknownKeysSuggestTheKnownKeyATypoMeant() {
        Map<String, String> p = valid();
        p.put("parity.failon", "info");
        p.put("parity.services.checkout.timout", "2s");
        p.put("parity.notify.targets.chat.tpye", "slack");
        p.put("parity.notify.targets.chat.type", "slack");
        p.put("parity.colour", "blue");
        List<String> problems = problems(p);
        assertTrue(problems.contains("parity.failon: unknown key; did you mean parity.fail-on?"), problems.toString());
        assertTrue(problems.contains("parity.services.checkout.timout: unknown key; did you mean parity.services.checkout.timeout?"),
                problems.toString());
        assertTrue(problems.contains("parity.notify.targets.chat.tpye: unknown key; did you mean parity.notify.targets.chat.type?"),
                problems.toString());
        assertTrue(problems.contains("parity.colour: unknown key; see the keys in the README's Configure section"), problems.toString());
    }

    @Test
    void valuesOfTheWrongKindNameTheKeyAndTheExpectedFormNeverTheValue() {
        Map<String, String> p = valid();
        p.put("parity.max-promotion-lag", "soon-secret-1");
        p.put("parity.services.checkout.timeout", "5 parsecs secret-2");
        p.put("parity.probe.concurrency", "many-secret-3");
        p.put("parity.probe.max-body-bytes", "1MB-secret-4");
        p.put("parity.api.public-badges", "sure-secret-5");
        p.put("parity.notify.mute.checkout", "tomorrow-secret-6");
        p.put("parity.schedule.cron", "0 */15 * * * secret-7");
        p.put("parity.hooks.generic.secret", "whsec_***secret-8");
        p.put("parity.notify.targets.hook.type", "webhook");
        p.put("parity.notify.targets.hook.url", "https://hooks.example.com/x");
        p.put("parity.notify.targets.hook.secret", "whsec_");
        List<String> problems = problems(p);
        assertEquals(List.of(
                "parity.api.public-badges: must be true or false",
                "parity.hooks.generic.secret: not valid base64 after whsec_ (the value is a secret and is not shown)",
                "parity.max-promotion-lag: not a duration; write a number and a unit, e.g. 30s, 5m or 72h",
                "parity.notify.mute.checkout: not a date and time; write it in ISO-8601 UTC, e.g. 2026-12-01T08:00:00Z",
                "parity.notify.targets.hook.secret: not valid base64 after whsec_ (the value is a secret and is not shown)",
                "parity.probe.concurrency: not a whole number",
                "parity.probe.max-body-bytes: not a whole number",
                "parity.schedule.cron: not a cron expression; write a Quartz cron with seconds first, e.g. \"0 */15 * * * ?\", or off",
                "parity.services.checkout.timeout: not a duration; write a number and a unit, e.g. 30s, 5m or 72h"), problems);
        assertFalse(problems.toString().contains("secret-"), problems.toString());
    }

    @Test
    void validValuesOfEveryKindPass() {
        Map<String, String> p = valid();
        p.put("parity.max-promotion-lag", "PT48H");
        p.put("parity.api.public-badges", "yes");
        p.put("parity.schedule.cron", "0 0/5 8-18 ? * MON-FRI");
        p.put("parity.hooks.generic.secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        p.put("parity.notify.mute.checkout", "2026-12-01T08:00:00Z");
        CheckPlan plan = TestPlans.plan(p);
        assertEquals(Duration.ofHours(48), plan.maxPromotionLag());
        assertTrue(TestPlans.config(p).api().publicBadges(), "yes is true");
        p.put("parity.schedule.cron", "off");
        TestPlans.plan(p);
    }

    @Test
    void everyUnsetVariableIsNamedWithItsKey() {
        Map<String, String> p = valid();
        p.put("parity.services.checkout.headers.Authorization", "Bearer ${UNSET_A_1}${UNSET_B_2}");
        p.put("parity.services.checkout.headers.X-Other", "${UNSET_C_3}");
        p.put("parity.services.checkout.headers.X-Fine", "${UNSET_D_4:fine}");
        p.put("parity.services.checkout.timeout", "${UNSET_E_5}");
        p.put("parity.api.token", "${SET_F_6}");
        p.put("SET_F_6", "set");
        List<String> problems = problems(p);
        assertEquals(List.of(
                "parity.services.checkout.headers.Authorization: ${UNSET_A_1} is not set; set UNSET_A_1 (an environment variable), "
                        + "or write ${UNSET_A_1:} to allow it to be empty",
                "parity.services.checkout.headers.Authorization: ${UNSET_B_2} is not set; set UNSET_B_2 (an environment variable), "
                        + "or write ${UNSET_B_2:} to allow it to be empty",
                "parity.services.checkout.headers.X-Other: ${UNSET_C_3} is not set; set UNSET_C_3 (an environment variable), "
                        + "or write ${UNSET_C_3:} to allow it to be empty",
                "parity.services.checkout.timeout: ${UNSET_E_5} is not set; set UNSET_E_5 (an environment variable), "
                        + "or write ${UNSET_E_5:} to allow it to be empty"), problems);
    }

    @Test
    void environmentVariablesAreCheckedButNotTakenForUnknownKeys() {
        EnvConfigSource env = new EnvConfigSource(Map.of("PARITY_SERVICES_CHECKOUT_TIMEOUT", "soon-secret-9",
                "PARITY_MAX_PROMOTION_LAG", "later-secret-10", "PARITY_SOMETHING_ELSE", "not ours"), 300);
        List<String> problems = problems(valid(), env);
        assertTrue(problems.contains("parity.services.checkout.timeout: not a duration; write a number and a unit, e.g. 30s, 5m or 72h"),
                problems.toString());
        assertTrue(problems.contains("parity.max-promotion-lag: not a duration; write a number and a unit, e.g. 30s, 5m or 72h"),
                problems.toString());
        assertEquals(2, problems.size(), problems.toString());
    }

    @Test
    void aMalformedValueIsNotAlsoJudgedOnItsMeaning() {
        Map<String, String> p = valid();
        p.put("parity.probe.max-body-bytes", "lots");
        assertEquals(List.of("parity.probe.max-body-bytes: not a whole number"), problems(p));
    }
}
