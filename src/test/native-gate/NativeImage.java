import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The native gate's stand-in for GraalVM's {@code native-image} driver, which Maven Central does not serve
 * (https://github.com/oracle/graal/tree/master/substratevm/src/com.oracle.svm.driver). Quarkus' native build runs
 * it as {@code <quarkus.native.graalvm-home>/bin/native-image}; src/test/native-gate/gate.sh lays that home out:
 * a hard-link copy of a JDK 25 with the builder jars in lib/svm/builder, the helper library and the C headers.
 *
 * <p>Like the real driver it answers {@code --version} (Quarkus reads the GraalVM version from it) and turns the
 * native-image arguments into a run of the image builder ({@link ImageArgs}, {@link BuilderJars}). Unlike it, it
 * stops the builder once the relocatable object file is written ({@code -H:+ExitAfterRelocatableImageWrite}): the
 * link needs the static JDK and SVM libraries only a GraalVM distribution ships. Everything before it runs for
 * real (class initialization, points-to analysis, compilation, image heap, object file), so the build errors a
 * GraalVM build reports there are reported here, in the builder's own words.
 *
 * <p>Exit status: 3 when the object file was written (no executable, so Quarkus' build stops there), 1 when the
 * builder failed, 2 when the stand-in could not run it (arguments it does not support, a broken GraalVM home). Its files go to native-gate/ in the working directory:
 * builder.args, builder.log, result ("passed" or "failed") and the object file under tmp/.
 */
public final class NativeImage {
    static final int STOPPED_BEFORE_LINK = 3;
    static final int BUILD_FAILED = 1;
    static final int UNUSABLE_ARGUMENTS = 2;
    static final String BUILDER_MAIN = "org.graalvm.nativeimage.builder/com.oracle.svm.hosted.NativeImageGeneratorRunner";

    /** Arguments the stand-in cannot honour; reported by name, never skipped. */
    static final class GateError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GateError(String message) {
            super(message);
        }
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("java.home"));
        Path builderJars = home.resolve("lib/svm/builder");
        String graalVersion = graalVersion(builderJars);
        if (List.of(args).equals(List.of("--version"))) {
            printVersion(graalVersion);
            return;
        }
        Path workDir = Path.of("").toAbsolutePath();
        Path gateDir = workDir.resolve("native-gate");
        deleteRecursively(gateDir);
        Files.createDirectories(gateDir);
        int status;
        try {
            BuilderJars builder = new BuilderJars(BuilderJars.in(builderJars));
            ImageArgs image = new ImageArgs(builder, workDir).read(List.of(args));
            String name = image.imageName();
            List<String> command = command(home, builder, image, graalVersion, name, gateDir);
            long started = System.nanoTime();
            BuildLog log = new BuildLog();
            int exit = run(command, workDir, gateDir.resolve("builder.log"), log);
            Optional<Path> objectFile = find(gateDir.resolve("tmp"), name + ".o");
            status = exit == 0 && objectFile.isPresent() ? STOPPED_BEFORE_LINK : BUILD_FAILED;
            report(name, graalVersion, log, objectFile, Duration.ofNanos(System.nanoTime() - started), exit, gateDir);
        } catch (GateError e) {
            System.out.println("native gate: FAILED: " + e.getMessage());
            status = UNUSABLE_ARGUMENTS;
        } catch (RuntimeException | IOException e) {
            System.out.println("native gate: FAILED: the native gate's driver could not run the builder:");
            e.printStackTrace(System.out);
            status = UNUSABLE_ARGUMENTS;
        }
        Files.writeString(gateDir.resolve("result"), status == STOPPED_BEFORE_LINK ? "passed\n" : "failed\n");
        System.out.println("native gate: end");
        System.exit(status);
    }

    /** The builder's JVM command line; the builder's own arguments go to a file ({@code --image-args-file=}). */
    private static List<String> command(Path home, BuilderJars builder, ImageArgs image, String graalVersion, String name,
                                        Path gateDir) throws IOException {
        List<String> jvm = new ArrayList<>(List.of(home.resolve("bin/java").toString(),
                // JVMCI for the Graal compiler the builder compiles with, as the driver's graal-compiler-flags file sets
                "-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI", "-XX:-UseJVMCICompiler",
                // NativeImage.prepareImageBuildArgs and completeImageBuild
                "-Xss10m", "-Xshare:off", "-Djava.awt.headless=true",
                "-Dorg.graalvm.version=" + graalVersion,
                "-Dorg.graalvm.vendor=GraalVM Community (builder jars from Maven Central, run by the envparity native gate)",
                "-Dorg.graalvm.vendorurl=https://www.graalvm.org/",
                // Quarkus' own features read the GraalVM version from this property at build time
                "-Dorg.graalvm.vendorversion=" + vendorVersion(graalVersion),
                "-Dcom.oracle.graalvm.isaot=true",
                "-Djava.system.class.loader=com.oracle.svm.hosted.NativeImageSystemClassLoader",
                "-Dorg.graalvm.nativeimage.imagecode=buildtime",
                "-Djdk.internal.lambda.disableEagerInitialization=true",
                "-Djdk.internal.lambda.eagerlyInitialize=false",
                "-Djava.lang.invoke.InnerClassLambdaMetafactory.initializeLambdas=false",
                "-Djava.lang.invoke.MethodHandle.DONT_INLINE_THRESHOLD=-1",
                "-Djava.lang.invoke.MethodHandle.PROFILE_GWT=false",
                // a class-path image needs every JDK module the application may use (java.net.http, ...)
                "--add-modules=ALL-DEFAULT",
                "--enable-native-access=" + String.join(",", builder.modules().keySet())));
        jvm.addAll(builder.exports());
        jvm.addAll(image.javaArgs);
        Path argsFile = gateDir.resolve("builder.args");
        jvm.addAll(List.of(
                "--upgrade-module-path", builder.compilerJar().toString(),
                "--module-path", builder.modules().entrySet().stream()
                        .filter(m -> !m.getKey().equals(BuilderJars.COMPILER_MODULE))
                        .map(m -> m.getValue().toString()).collect(Collectors.joining(":")),
                "--module", BUILDER_MAIN,
                // the builder exits when this process does (Quarkus stops the build on Ctrl-C by ending this process)
                "-keepalive", "/proc/" + ProcessHandle.current().pid() + "/comm",
                "--image-args-file=" + argsFile));

        List<String> args = new ArrayList<>(List.of(
                "-imagecp", image.classpath.stream().map(Path::toString).collect(Collectors.joining(":")),
                "-H:CLibraryPath=" + home.resolve("lib/svm/clibraries"),
                "-H:Path=" + gateDir.getParent()));
        args.addAll(image.builderArgs);
        image.mainClass().ifPresent(main -> args.add("-H:Class=" + main));
        args.add("-H:Name=" + name);
        args.add("-H:ImageBuildID=" + UUID.nameUUIDFromBytes(String.join("\0", args).getBytes(StandardCharsets.UTF_8)));
        // What the stand-in changes: write the object file to a kept directory and stop before the link.
        args.addAll(List.of("-H:+UnlockExperimentalVMOptions", "-H:+ExitAfterRelocatableImageWrite",
                "-H:TempDirectory=" + gateDir.resolve("tmp"), "-H:-UnlockExperimentalVMOptions"));
        Files.writeString(argsFile, String.join("\0", args));
        return jvm;
    }

    /** Runs the builder, echoing its output (stdout and stderr, in order) and keeping a copy. */
    private static int run(List<String> command, Path workDir, Path logFile, BuildLog log) throws IOException, InterruptedException {
        ProcessBuilder process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        Map<String, String> environment = process.environment();
        // JVM options from the environment would change the builder's JVM (NativeImage.deprecatedSanitizeJVMEnvironment)
        List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_COMPILER", "CLASSPATH").forEach(environment::remove);
        environment.put("USE_NATIVE_IMAGE_JAVA_PLATFORM_MODULE_SYSTEM", "true");
        Process builder = process.start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(builder.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter copy = new PrintWriter(Files.newBufferedWriter(logFile), true)) {
            for (String line; (line = output.readLine()) != null; ) {
                System.out.println(line);
                System.out.flush();
                copy.println(line);
                log.accept(line);
            }
        } finally {
            builder.destroy();
        }
        return builder.waitFor();
    }

    /** The verdict, after the builder's own output: phase times, what was reachable, the object file or the first error. */
    private static void report(String name, String graalVersion, BuildLog log, Optional<Path> objectFile, Duration took,
                               int exit, Path gateDir) throws IOException {
        System.out.println("=".repeat(100));
        if (exit == 0 && objectFile.isPresent()) {
            System.out.printf("native gate: PASSED: GraalVM %s's builder analysed and compiled '%s' and wrote its object file.%n", graalVersion, name);
            System.out.println("  The link is left to .github/workflows/native.yml (it needs a GraalVM distribution's static libraries).");
        } else {
            System.out.printf("native gate: FAILED: GraalVM %s's builder could not build '%s' (exit status %d). It reported:%n", graalVersion, name, exit);
            log.firstError().forEach(line -> System.out.println("  | " + line));
        }
        for (BuildLog.Phase phase : log.phases()) {
            System.out.printf("  %-6s %-32s %7ss %9s%n", phase.step(), phase.name(), phase.seconds(), phase.heap());
        }
        log.reachable().ifPresent(r -> System.out.println("  reachable:   " + r));
        if (objectFile.isPresent()) {
            System.out.printf("  object file: %s (%.1f MB)%n", objectFile.get(), Files.size(objectFile.get()) / 1e6);
        }
        System.out.printf("  builder:     %dm %02ds, peak RSS %s; full output: %s%n", took.toMinutes(), took.toSecondsPart(),
                log.peakRss().orElse("unknown"), gateDir.resolve("builder.log"));
    }

    /** native-image --version in the driver's three-line form, which Quarkus parses (GraalVM.VersionParseHelper). */
    private static void printVersion(String graalVersion) {
        String javaVersion = System.getProperty("java.runtime.version");
        System.out.printf("native-image %s %s%n", System.getProperty("java.version"), System.getProperty("java.version.date"));
        System.out.printf("GraalVM Runtime Environment %s (build %s)%n", vendorVersion(graalVersion), javaVersion);
        System.out.printf("Substrate VM %s (build %s, serial gc)%n", vendorVersion(graalVersion), javaVersion);
    }

    /** GraalVM CE's vendor version form, "GraalVM CE 25.0.2+<build>": here the build is the gate itself. */
    private static String vendorVersion(String graalVersion) {
        return "GraalVM CE " + graalVersion + "+native-gate";
    }

    private static String graalVersion(Path builderJars) throws IOException {
        Path svm = BuilderJars.in(builderJars).stream().filter(p -> p.getFileName().toString().matches("svm-[0-9].*\\.jar"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no svm jar in " + builderJars + "; run src/test/native-gate/gate.sh"));
        try (JarFile jar = new JarFile(svm.toFile())) {
            return jar.getManifest().getMainAttributes().getValue("Implementation-Version");
        }
    }

    private static Optional<Path> find(Path directory, String fileName) throws IOException {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.getFileName().toString().equals(fileName)).findFirst();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
