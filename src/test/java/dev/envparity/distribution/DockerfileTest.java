package dev.envparity.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * What the container images promise (README "Run in a container"), read from the Dockerfiles: no container
 * engine runs here, so .github/workflows/container.yml builds and runs them, and {@code ContainerImageIT} runs
 * the JVM image's command in its file layout.
 */
class DockerfileTest {
    static final String STATE_DIR = "/var/lib/envparity";
    static final String CONFIG = "/config/parity.yaml";
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(token|secret|password|passwd|credential|api.?key|webhook|private).*");

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile.jvm", "Dockerfile.native"})
    void runsAsANonRootUserWithNoShellFormCommand(String name) {
        Dockerfile d = Dockerfile.read(name);
        String user = d.last("USER").orElseThrow();
        assertTrue(user.matches("\\d+"), "numeric, so that Kubernetes' runAsNonRoot can verify it: " + user);
        assertNotEquals("0", user);
        assertTrue(d.indexOfLast("USER") < d.indexOfLast("ENTRYPOINT"), "the last USER comes before the entrypoint");
        assertFalse(d.execForm("ENTRYPOINT").isEmpty());
        assertEquals(List.of(), d.execForm("CMD"), "no arguments: the server; `check` appended runs the CLI");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile.jvm", "Dockerfile.native"})
    void exposesTheServersPortAndDocumentsItsProbes(String name) throws IOException {
        Dockerfile d = Dockerfile.read(name);
        assertEquals(List.of("8080"), d.all("EXPOSE"));
        Map<String, Map<String, Object>> app = new Yaml().load(Files.readString(Path.of("src/main/resources/application.yaml")));
        Object http = app.get("quarkus").get("http");
        assertTrue(http == null || !((Map<?, ?>) http).containsKey("port"), "the server keeps Quarkus' default port, 8080");
        String text = Files.readString(d.file());
        for (String probe : List.of("/q/health/live", "/q/health/ready", "/q/health/started")) {
            assertTrue(text.contains(probe), name + " documents " + probe);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile.jvm", "Dockerfile.native"})
    void readsTheMountedConfigurationAndWritesOnlyItsStateFolder(String name) {
        Dockerfile d = Dockerfile.read(name);
        assertEquals(CONFIG, d.env().get("QUARKUS_CONFIG_LOCATIONS"));
        assertEquals(STATE_DIR, d.last("WORKDIR").orElseThrow(), "the CLI's relative default state file lands in it");
        String run = String.join(" ", d.all("RUN"));
        assertTrue(run.contains("mkdir -p " + STATE_DIR) && run.contains("chown 185:0 " + STATE_DIR), run);
        assertEquals("185", d.last("USER").orElseThrow(), "the owner of " + STATE_DIR);
        for (Dockerfile.Copy c : d.copies()) {
            assertTrue(c.destination().startsWith("/deployments/"), "the application is not in the writable folder: " + c);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile.jvm", "Dockerfile.native"})
    void bakesInNoSecretAndNoConfiguration(String name) throws IOException {
        Dockerfile d = Dockerfile.read(name);
        for (String key : d.env().keySet()) {
            assertFalse(SECRET_NAME.matcher(key).matches(), "a secret belongs in the environment at run time, not in the image: " + key);
        }
        for (String arg : d.all("ARG")) {
            assertFalse(SECRET_NAME.matcher(arg.split("=")[0]).matches(), "build arguments stay in the image's history: " + arg);
        }
        for (Dockerfile.Copy c : d.copies()) {
            assertTrue(c.source().startsWith("target/"), "only the build's output goes into the image: " + c);
            assertFalse(c.source().matches(".*(\\.ya?ml|\\.env|\\.properties)$"), "no configuration file baked in: " + c);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile.jvm", "Dockerfile.native"})
    void startsFromAPinnedUbiBase(String name) {
        String base = Dockerfile.read(name).baseImage();
        assertTrue(base.startsWith("registry.access.redhat.com/ubi9/"), base);
        assertTrue(base.matches(".*:\\d+(\\.\\d+)+$"), "a version tag, not latest: " + base);
    }

    /** docker build sends only what .dockerignore lets through; a COPY of anything else fails the build. */
    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile.jvm", "Dockerfile.native"})
    void theBuildContextHoldsEveryCopiedPathAndNothingElse(String name) throws IOException {
        List<String> patterns = Files.readAllLines(Path.of(".dockerignore")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        for (Dockerfile.Copy c : Dockerfile.read(name).copies()) {
            assertTrue(sent(patterns, c.source() + (c.source().endsWith("/") ? "x.jar" : "")), c + " is in the build context");
        }
        for (String excluded : List.of("src/main/java/dev/envparity/ParityService.java", "parity.yaml", ".envparity/state.json",
                "src/test/dynalite/node_modules/x.js", "target/classes/application.yaml", ".git/config")) {
            assertFalse(sent(patterns, excluded), excluded + " stays out of the build context");
        }
    }

    /** Docker's rule: the last pattern matching the path or one of its parent folders decides; "!" re-includes. */
    private static boolean sent(List<String> patterns, String path) {
        boolean sent = true;
        for (String p : patterns) {
            boolean include = p.startsWith("!");
            String glob = (include ? p.substring(1) : p).replaceAll("/+$", "");
            var matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            for (Path prefix = Path.of(path); prefix != null; prefix = prefix.getParent()) {
                if (matcher.matches(prefix)) {
                    sent = include;
                    break;
                }
            }
        }
        return sent;
    }
}
