package dev.envparity.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The container workflow's smoke test (src/test/docker/smoke-test.sh), run here against the packaged jar
 * ({@code ENGINE=jar}): its stubs, configuration and checks are the ones .github/workflows/container.yml runs
 * against each image, so a mistake in them shows before the workflow does.
 */
class ContainerSmokeIT {

    @Test
    void theSmokeTestPassesAgainstThePackagedServer() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("src/test/docker/smoke-test.sh", "target/envparity-runner.jar").redirectErrorStream(true);
        pb.environment().put("ENGINE", "jar");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("report: checkout IN_SYNC at 2.4.0 in staging and production"), out);
        assertTrue(out.endsWith("smoke test passed: target/envparity-runner.jar\n"), out);
    }
}
