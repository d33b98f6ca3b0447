package dev.envparity.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What a team sees in its chat, per platform and scenario, in src/test/resources/golden/&lt;type&gt;/. Compared as
 * JSON (Markdown for the console). After an intended change: {@code ./mvnw test -Dtest=GoldenFilesTest
 * -Dgolden.update=true}, then review the diff of the golden files like any other code.
 */
class GoldenFilesTest {
    static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    static Stream<Arguments> cases() {
        return Platforms.all().stream().flatMap(n -> Scenarios.NAMES.stream().map(s -> Arguments.of(n.type(), s)));
    }

    static Notifier<?> notifier(String type) {
        return Platforms.all().stream().filter(n -> n.type().equals(type)).findFirst().orElseThrow();
    }

    static Path file(String type, String scenario) {
        return GOLDEN.resolve(type).resolve(scenario + (type.equals("console") ? ".md" : ".json"));
    }

    static Object payload(String type, String scenario) {
        return notifier(type).payload(Scenarios.digest(scenario), Scenarios.report(scenario));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("cases")
    void matchesTheGoldenFile(String type, String scenario) throws IOException {
        Object payload = payload(type, scenario);
        Path file = file(type, scenario);
        String actual = payload instanceof String ? (String) payload
                : Scenarios.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(payload) + "\n";
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(file), "no golden file " + file + "; create it with -Dgolden.update=true");
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        if (payload instanceof String) {
            assertEquals(expected, actual);
        } else {
            JsonNode e = Scenarios.JSON.readTree(expected);
            JsonNode a = Scenarios.JSON.readTree(actual);
            assertEquals(e, a, () -> "payload differs from " + file + "; actual:\n" + actual);
        }
    }
}
