package dev.envparity.distribution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JVM image run without a container engine (none is reachable here): its COPY'd files laid out under a
 * folder that stands for the image's root, its ENV, WORKDIR, ENTRYPOINT and CMD, with every absolute path moved
 * under that folder and the JDK running the tests as its {@code java}. The HTTP port is a free one instead of
 * the exposed 8080 ({@code QUARKUS_HTTP_PORT=0}); everything else is the image's own.
 */
final class EmulatedContainer implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    record Exit(int code, String out, String err) {
    }

    private final Process process;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private int port;

    private EmulatedContainer(Process process) {
        this.process = process;
        drain(process.getInputStream(), out);
        drain(process.getErrorStream(), err);
    }

    /** Lays out what the Dockerfile COPYs (from a packaged build) and the folders it creates. */
    static void install(Dockerfile image, Path root) throws IOException {
        for (Dockerfile.Copy c : image.copies()) {
            Path source = Path.of(c.source());
            Path target = at(root, c.destination());
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        Path to = target.resolve(source.relativize(f).toString());
                        Files.createDirectories(to.getParent());
                        Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } else {
                Files.createDirectories(target.getParent());
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.createDirectories(at(root, image.last("WORKDIR").orElseThrow()));
        Files.createDirectories(at(root, "/config"));
    }

    /** A path inside the image, under {@code root}. */
    static Path at(Path root, String absolute) {
        return root.resolve(absolute.substring(1));
    }

    /**
     * Runs the image's command with {@code args} appended (none: the server), as {@code docker run -e …} would.
     *
     * @param env added to the image's ENV, as {@code -e}; absolute paths in the image's values are moved under root
     */
    static EmulatedContainer run(Dockerfile image, Path root, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(image.execForm("ENTRYPOINT"));
        command.addAll(image.execForm("CMD"));
        command.addAll(List.of(args));
        command.replaceAll(a -> a.equals("java") ? ProcessHandle.current().info().command().orElse("java")
                : a.startsWith("/") ? at(root, a).toString() : a);
        ProcessBuilder pb = new ProcessBuilder(command).directory(at(root, image.last("WORKDIR").orElseThrow()).toFile());
        Map<String, String> environment = new LinkedHashMap<>();
        image.env().forEach((k, v) -> environment.put(k, v.startsWith("/") ? at(root, v).toString() : v));
        environment.put("QUARKUS_HTTP_PORT", "0");
        environment.putAll(env);
        pb.environment().putAll(environment);
        return new EmulatedContainer(pb.start());
    }

    /** Waits for the server's "Listening on" line. */
    int port() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (port == 0) {
            Matcher m = LISTENING.matcher(text(out));
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
            } else if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the server did not start:\n" + output());
            } else {
                Thread.sleep(100);
            }
        }
        return port;
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).GET(), headers);
    }

    HttpResponse<String> post(String path, String body, String... headers) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String... headers) throws IOException, InterruptedException {
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** For a one-shot command: waits for it to end. */
    Exit exit() throws InterruptedException {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish:\n" + output());
        }
        Thread.sleep(200); // the drains catch up with the last bytes
        return new Exit(process.exitValue(), text(out), text(err));
    }

    String output() {
        return text(out) + "\n" + text(err);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Stops it as an engine does: SIGTERM, then a kill after the grace period. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void drain(InputStream in, ByteArrayOutputStream into) {
        Thread t = new Thread(() -> {
            try (in) {
                in.transferTo(into);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "emulated-container-output");
        t.setDaemon(true);
        t.start();
    }
}
