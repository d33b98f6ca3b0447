package dev.envparity.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import dev.envparity.configfile.YamlSyntax;

/**
 * The README is a promise: every YAML block in it parses, and every {@code parity:} block uses known keys with
 * values of the right kind (a copied example must start).
 */
class ReadmeYamlTest {
    private static final Pattern YAML_BLOCK = Pattern.compile("(?m)^( *)```yaml\\n(.*?)^\\1```", Pattern.DOTALL);

    private static List<String> blocks() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<String> blocks = new ArrayList<>();
        Matcher m = YAML_BLOCK.matcher(readme);
        while (m.find()) {
            String indent = m.group(1);
            blocks.add(m.group(2).replaceAll("(?m)^" + indent, ""));
        }
        return blocks;
    }

    @Test
    void everyYamlBlockParses() throws Exception {
        List<String> blocks = blocks();
        assertTrue(blocks.size() >= 5, "found the README's yaml blocks: " + blocks.size());
        for (String block : blocks) {
            assertEquals(Optional.empty(), YamlSyntax.problem("README block", new StringReader(block)), block);
        }
    }

    @Test
    void everyParityBlockUsesKnownKeysWithValuesOfTheirKind() throws Exception {
        // Every scalar as text, the way the configuration loader reads it (no YAML 1.1 booleans or dates).
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(new DumperOptions()), new DumperOptions(),
                new LoaderOptions(), new Resolver() {
                    @Override
                    protected void addImplicitResolvers() {
                    }
                });
        int checked = 0;
        for (String block : blocks()) {
            Object document = yaml.load(block);
            if (document instanceof Map && ((Map<?, ?>) document).containsKey("parity")) {
                List<String> problems = new ArrayList<>();
                check("parity", ((Map<?, ?>) document).get("parity"), problems);
                assertEquals(List.of(), problems, block);
                checked++;
            }
        }
        assertTrue(checked >= 4, "parity blocks checked: " + checked);
    }

    private static void check(String name, Object node, List<String> problems) {
        if (node instanceof Map) {
            ((Map<?, ?>) node).forEach((k, v) -> {
                String key = k.toString();
                check(name + "." + (key.contains(".") ? "\"" + key + "\"" : key), v, problems);
            });
            return;
        }
        Optional<ValueKind> kind = ConfigKeys.kind(name);
        if (kind.isEmpty()) {
            problems.add(name + ": unknown key");
        } else if (node instanceof String && !((String) node).contains("${") && !((String) node).matches("(ssm|secretsmanager):.*")) {
            kind.get().problem((String) node).ifPresent(p -> problems.add(name + ": " + p));
        }
    }
}
