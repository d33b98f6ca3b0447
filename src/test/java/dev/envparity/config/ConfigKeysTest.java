package dev.envparity.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigMappingInterface.Property;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.ConfigMappings.ConfigClass;

class ConfigKeysTest {

    /** The kind of value each ParityConfig method returns, as SmallRye maps it. */
    private static ValueKind kindOf(Property property) {
        String type = property.getMethod().getGenericReturnType().getTypeName();
        if (type.contains("java.util.List<")) {
            return ValueKind.LIST;
        }
        String element = type.replaceAll(">+$", "").replaceAll(".*[<, ]", "");
        switch (element) {
            case "java.time.Duration":
                return ValueKind.DURATION;
            case "java.time.Instant":
                return ValueKind.INSTANT;
            case "int":
                return ValueKind.INT;
            case "long":
                return ValueKind.LONG;
            case "boolean", "java.lang.Boolean":
                return ValueKind.BOOLEAN;
            case "java.lang.String":
                return ValueKind.TEXT;
            default:
                throw new AssertionError("a new kind of value: " + type + "; teach ValueKind to check it");
        }
    }

    @Test
    void everyKeyOfTheMappingIsKnownWithItsKind() {
        Map<String, ValueKind> mapped = new TreeMap<>();
        ConfigMappings.getProperties(ConfigClass.configClass(ParityConfig.class, "parity")).forEach((name, property) -> {
            if (!name.endsWith("[*]")) {
                mapped.put(name, kindOf(property));
            }
        });
        Map<String, ValueKind> known = new TreeMap<>();
        // Cron expressions and webhook secrets are text with a form of their own; a switched list is a list that
        // also takes none.
        ConfigKeys.all().forEach((key, kind) -> known.put(key,
                kind == ValueKind.CRON || kind == ValueKind.WEBHOOK_SECRET ? ValueKind.TEXT
                        : kind == ValueKind.SWITCHED_LIST ? ValueKind.LIST : kind));
        assertEquals(mapped, known, "ConfigKeys must list every key of ParityConfig, with its kind");
    }

    @Test
    void namesMatchKeysWithTheUsersOwnNames() {
        assertEquals(Optional.of(ValueKind.DURATION), ConfigKeys.kind("parity.services.checkout.timeout"));
        assertEquals(Optional.of(ValueKind.TEXT), ConfigKeys.kind("parity.hooks.github.workflows.\"deploy.yml\""));
        assertEquals(Optional.of(ValueKind.LIST), ConfigKeys.kind("parity.services.checkout.compare[1]"));
        assertEquals(Optional.of(ValueKind.WEBHOOK_SECRET), ConfigKeys.kind("parity.notify.targets.hook.secret"));
        assertEquals(Optional.empty(), ConfigKeys.kind("parity.services.checkout"));
        assertEquals(Optional.empty(), ConfigKeys.kind("quarkus.http.port"));
    }

    @Test
    void suggestionsAreCloseKnownKeysOnly() {
        assertEquals(Optional.of("parity.fail-on"), ConfigKeys.suggestion("parity.failon"));
        assertEquals(Optional.of("parity.fail-on"), ConfigKeys.suggestion("parity.fail_on"));
        assertEquals(Optional.of("parity.max-promotion-lag"), ConfigKeys.suggestion("parity.max-promotion-lagg"));
        assertEquals(Optional.of("parity.services.shop.urls.staging"), ConfigKeys.suggestion("parity.service.shop.urls.staging"));
        assertEquals(Optional.empty(), ConfigKeys.suggestion("parity.colour"));
        assertEquals(Optional.empty(), ConfigKeys.suggestion("parity.fail-on"), "a known key needs no suggestion");
        for (String key : Set.of("parity.a.b.c.d.e", "parity.services")) {
            assertTrue(ConfigKeys.suggestion(key).isEmpty(), key);
        }
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, ConfigKeys.editDistance("fail-on", "fail-on"));
        assertEquals(1, ConfigKeys.editDistance("failon", "fail-on"));
        assertEquals(1, ConfigKeys.editDistance("fail_on", "fail-on"));
        assertEquals(2, ConfigKeys.editDistance("timout", "timeouts"));
        assertEquals(7, ConfigKeys.editDistance("", "fail-on"));
    }
}
