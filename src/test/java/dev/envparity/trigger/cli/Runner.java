package dev.envparity.trigger.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged application as users do: {@code java -jar target/envparity-runner.jar …}, or the native
 * executable ({@code -Denvparity.runner=target/envparity-runner}, in the native workflow).
 */
final class Runner {
    static final Path RUNNER = Path.of(System.getProperty("envparity.runner", "target/envparity-runner.jar"));

    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Runner() {
    }

    static Run run(List<String> jvmArgs, String... args) throws Exception {
        return run(Map.of(), jvmArgs, args);
    }

    /** @param env added to this process' environment (environment variables cannot be set in-process) */
    static Run run(Map<String, String> env, List<String> jvmArgs, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (RUNNER.toString().endsWith(".jar")) {
            cmd.add(ProcessHandle.current().info().command().orElse("java"));
            cmd.addAll(jvmArgs);
            cmd.add("-jar");
            cmd.add(RUNNER.toString());
        } else {
            cmd.add(RUNNER.toAbsolutePath().toString()); // a native executable takes -D options as arguments
            cmd.addAll(jvmArgs);
        }
        cmd.addAll(List.of(args));
        return exec(cmd, env, null);
    }

    /** Any command, with more environment variables, in {@code dir} (null: this process' working directory). */
    static Run exec(List<String> cmd, Map<String, String> env, Path dir) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(cmd);
        builder.environment().putAll(env);
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        Process p = builder.start();
        // Both streams at once: a process blocked on a full stderr pipe would never end.
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        byte[] out = p.getInputStream().readAllBytes();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        assertTrue(ended, "envparity did not end: " + cmd);
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
