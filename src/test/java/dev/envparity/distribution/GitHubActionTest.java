package dev.envparity.distribution;

import static dev.envparity.distribution.Manifests.list;
import static dev.envparity.distribution.Manifests.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * action.yml as GitHub reads it (https://docs.github.com/actions/reference/workflows-and-actions/metadata-syntax):
 * a composite action whose inputs reach scripts only through the environment, whose outputs are written by its
 * steps, and whose state cache changes key every run. {@code GitHubActionIT} runs it.
 */
class GitHubActionTest {
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");
    private static final Pattern STEP_OUTPUT = Pattern.compile("steps\\.([\\w-]+)\\.outputs\\.([\\w-]+)");
    private final Map<String, Object> action = Manifests.load(CompositeAction.ACTION);
    private final List<Map<String, Object>> steps = list(map(action.get("runs")), "steps").stream().map(Manifests::map).toList();

    @Test
    void aCompositeActionWhoseScriptsTakeInputsOnlyFromTheEnvironment() {
        assertEquals("composite", map(action.get("runs")).get("using"));
        assertTrue(action.containsKey("name") && action.containsKey("description"), "required by the metadata syntax");
        assertEquals(true, map(map(action.get("inputs")).get("config")).get("required"));
        for (Map<String, Object> step : steps) {
            if (step.containsKey("run")) {
                String run = (String) step.get("run");
                // Expressions in a script are substituted before it runs, so a value could inject commands; the
                // environment cannot (https://docs.github.com/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions).
                assertFalse(run.contains("${{"), "no expression in a script: " + run);
                Matcher script = Pattern.compile("\"\\$GITHUB_ACTION_PATH/(action/[\\w.-]+\\.sh)\"").matcher(run);
                assertTrue(script.find(), "a run step calls a script of action/: " + run);
                assertTrue(Files.isExecutable(Path.of(script.group(1))), script.group(1));
                assertEquals("bash", step.get("shell"), "composite run steps name their shell");
            } else {
                assertTrue(String.valueOf(step.get("uses")).matches("actions/[\\w/-]+@v\\d+"), "an official action at a major version: " + step);
            }
        }
    }

    @Test
    void everyReferenceNamesADeclaredInputOrAnEarlierStepsOutput() throws Exception {
        Set<String> inputs = map(action.get("inputs")).keySet();
        Set<String> seen = new TreeSet<>();
        for (Map<String, Object> step : steps) {
            for (String expression : expressions(step)) {
                Matcher input = Pattern.compile("inputs\\.([\\w-]+)").matcher(expression);
                while (input.find()) {
                    assertTrue(inputs.contains(input.group(1)), "undeclared input in " + expression);
                }
                Matcher output = STEP_OUTPUT.matcher(expression);
                while (output.find()) {
                    assertTrue(seen.contains(output.group(1)), "step " + output.group(1) + " runs before " + step.get("name"));
                }
            }
            if (step.get("id") != null) {
                seen.add((String) step.get("id"));
            }
        }
        String check = Files.readString(Path.of("action/check.sh"));
        String install = Files.readString(Path.of("action/install.sh"));
        for (Map.Entry<String, Object> o : map(action.get("outputs")).entrySet()) {
            Matcher m = STEP_OUTPUT.matcher((String) map(o.getValue()).get("value"));
            assertTrue(m.find(), o.getKey());
            assertEquals("check", m.group(1));
            assertTrue(check.contains("echo \"" + m.group(2) + "=") || check.contains("echo \"" + m.group(2) + "<<"),
                    "check.sh writes the output " + m.group(2));
        }
        for (String name : List.of("key", "home", "maven-key")) {
            assertTrue(install.contains("echo \"" + name + "="), "install.sh locate writes " + name);
        }
    }

    /** Cache entries never change: the state is saved under a new key each run and restored by its prefix. */
    @Test
    void theStateCacheKeyChangesEveryRunAndIsRestoredByItsPrefix() {
        Map<String, Object> restore = step("Restore the notification state");
        Map<String, Object> save = step("Save the notification state");
        String key = (String) map(restore.get("with")).get("key");
        assertEquals(key, map(save.get("with")).get("key"));
        assertTrue(key.contains("${{ github.run_id }}") && key.contains("${{ github.run_attempt }}"), key);
        assertEquals(key.substring(0, key.indexOf("${{ github.run_id }}")), map(restore.get("with")).get("restore-keys"));
        String paths = "${{ inputs.state-file }}\n${{ steps.state.outputs.history-file }}\n${{ steps.state.outputs.compare-cache }}\n";
        assertEquals(paths, map(restore.get("with")).get("path"), "the state, the history and the comparisons beside it");
        assertEquals(paths, map(save.get("with")).get("path"));
        assertTrue(String.valueOf(save.get("if")).startsWith("always() && "), "saved even when an earlier step failed");
        assertTrue(steps.indexOf(save) < steps.indexOf(step("Gate")), "saved before the gate fails the job");
        assertTrue(String.valueOf(step("Gate").get("if")).startsWith("always() && inputs.fail == 'true'"));
    }

    /** The build step installs what `./mvnw package` makes: application.yaml's output name, legacy layout. */
    @Test
    void theBuildInstallsWhatThePackageMakes() throws Exception {
        String install = Files.readString(Path.of("action/install.sh"));
        Map<String, Object> quarkus = map(Manifests.load(Path.of("src/main/resources/application.yaml")).get("quarkus"));
        String runner = "target/" + map(quarkus.get("package")).get("output-name") + "-runner.jar";
        assertTrue(install.contains("$SOURCES/" + runner) && install.contains("$SOURCES/target/lib"), install);
        assertTrue(Files.readString(Path.of("action/check.sh")).contains("$ENVPARITY_HOME/envparity-runner.jar"));
    }

    private Map<String, Object> step(String name) {
        return steps.stream().filter(s -> name.equals(s.get("name"))).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    private static List<String> expressions(Object value) {
        List<String> all = new ArrayList<>();
        if (value instanceof Map) {
            ((Map<?, ?>) value).values().forEach(v -> all.addAll(expressions(v)));
        } else if (value != null) {
            Matcher m = EXPRESSION.matcher(String.valueOf(value));
            while (m.find()) {
                all.add(m.group(1));
            }
            if (!String.valueOf(value).contains("${{") && String.valueOf(value).contains("steps.")) {
                all.add(String.valueOf(value)); // an if: condition
            }
        }
        return all;
    }
}
