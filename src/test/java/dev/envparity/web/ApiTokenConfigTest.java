package dev.envparity.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.envparity.config.InvalidConfigException;
import dev.envparity.testing.TestPlans;

/**
 * {@code parity.api.token} as SmallRye Config delivers it: the README's {@code ${PARITY_API_TOKEN:}} with the variable
 * unset means "no token"; a value of only whitespace is a configuration error naming the key, never an open server.
 */
class ApiTokenConfigTest {

    private static ApiToken token(String value) {
        return new ApiToken(TestPlans.plans(Map.of("parity.api.token", value)).api());
    }

    @Test
    void theReadmeDefaultWithTheVariableUnsetMeansNoToken() {
        // As Quarkus builds its configuration: with expressions expanded (${VAR:} is empty when VAR is unset).
        assertFalse(token("${ENVPARITY_TEST_UNSET_VARIABLE_4D1C:}").required());
        assertFalse(new ApiToken(TestPlans.plans(Map.of()).api()).required());
    }

    @Test
    void onlyWhitespaceStopsStartUpNamingTheKey() {
        for (String blank : List.of(" ", "   ", "\t", " \n ")) {
            InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> token(blank), "'" + blank + "'");
            assertEquals(1, e.problems().size());
            assertTrue(e.problems().get(0).startsWith("parity.api.token: "), e.problems().get(0));
        }
    }

    @Test
    void aTokenWithATrailingNewlineIsTheTokenWithoutIt() {
        ApiToken t = token("s3cret-token\n");
        assertTrue(t.required());
        assertTrue(t.matches("s3cret-token"));
        assertFalse(t.matches("s3cret-token-2"));
    }
}
