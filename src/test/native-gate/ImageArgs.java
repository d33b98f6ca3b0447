import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns native-image arguments (what Quarkus passes, and what the jars on the image class path declare in
 * META-INF/native-image) into the image builder's own inputs, as GraalVM's driver does
 * (https://github.com/oracle/graal/blob/master/substratevm/src/com.oracle.svm.driver/src/com/oracle/svm/driver/NativeImage.java):
 * {@code -J} options for the builder JVM, {@code -H:} options for the builder, API options translated into
 * {@code -H:} options (see {@link BuilderJars}), {@code -jar} with its manifest's Class-Path and Main-Class on the
 * image class path. An argument it does not know is an error that names it: nothing is silently dropped.
 */
final class ImageArgs {
    /** The configuration files a jar may carry, and the builder option each is passed with (MetaInfFileType.java). */
    private static final Map<String, String> CONFIG_FILES = Map.of(
            "reachability-metadata.json", "ReachabilityMetadataResources",
            "reflect-config.json", "ReflectionConfigurationResources",
            "resource-config.json", "ResourceConfigurationResources",
            "jni-config.json", "JNIConfigurationResources",
            "proxy-config.json", "DynamicProxyConfigurationResources",
            "serialization-config.json", "SerializationConfigurationResources",
            "serialization-deny-config.json", "SerializationDenyConfigurationResources",
            "predefined-classes-config.json", "PredefinedClassesConfigurationResources");
    private static final String PROPERTIES = "native-image.properties";
    /** OptionOrigin.java: an option's origin decides its scope, "+api" marks it as a stable (API) option. */
    private static final String COMMAND_LINE = "user";
    private static final String API = "+api";

    record Exclusion(Pattern jar, Pattern resource) {
    }

    final List<String> javaArgs = new ArrayList<>();
    final List<String> builderArgs = new ArrayList<>();
    final Set<Path> classpath = new LinkedHashSet<>();
    private final List<String> positional = new ArrayList<>();
    private final List<Exclusion> exclusions = new ArrayList<>();
    private final BuilderJars builder;
    private final Path workDir;
    private Optional<String> mainClass = Optional.empty();
    private Optional<Path> jar = Optional.empty();

    ImageArgs(BuilderJars builder, Path workDir) {
        this.builder = builder;
        this.workDir = workDir;
    }

    /** The command line, then the META-INF/native-image of every class path entry (after all exclusions are known). */
    ImageArgs read(List<String> commandLine) {
        Deque<String> queue = new ArrayDeque<>(commandLine);
        while (!queue.isEmpty()) {
            accept(queue, COMMAND_LINE);
        }
        List.copyOf(classpath).forEach(this::readMetaInf);
        return this;
    }

    Optional<String> mainClass() {
        return mainClass;
    }

    /** The image name: the first plain argument, else the jar's name (NativeImage.completeImageBuild). */
    String imageName() {
        if (positional.size() > 1) {
            throw new NativeImage.GateError("unexpected arguments " + positional.subList(1, positional.size()));
        }
        return positional.stream().findFirst()
                .or(() -> jar.map(j -> j.getFileName().toString().replaceFirst("\\.jar$", "")))
                .orElseThrow(() -> new NativeImage.GateError("no image name and no -jar given"));
    }

    private void accept(Deque<String> queue, String origin) {
        String arg = queue.poll();
        boolean commandLine = origin.equals(COMMAND_LINE);
        if (arg.startsWith("-J")) {
            javaArgs.add(arg.substring(2));
        } else if (arg.startsWith("-D")) {
            javaArgs.add(arg);
        } else if (arg.startsWith("-H:") || arg.startsWith("-R:")) {
            builderArgs.add(commandLine ? arg : withOrigin(arg, origin));
        } else if (commandLine && arg.equals("--exclude-config")) {
            exclusions.add(new Exclusion(Pattern.compile(required(queue, arg)), Pattern.compile(required(queue, arg))));
        } else if (commandLine && arg.equals("-jar")) {
            addJar(workDir.resolve(required(queue, arg)).normalize());
        } else if (commandLine && (arg.equals("-cp") || arg.equals("-classpath") || arg.equals("--class-path"))) {
            Arrays.stream(required(queue, arg).split(":")).map(workDir::resolve).forEach(classpath::add);
        } else if (commandLine && !arg.startsWith("-")) {
            positional.add(arg);
        } else {
            String option = translateApiOption(arg, queue).orElseThrow(() -> new NativeImage.GateError("the native-image option '"
                    + arg + "' (from " + (commandLine ? "the command line" : origin)
                    + ") is not supported by the native gate's driver, src/test/native-gate/ImageArgs.java"));
            builderArgs.add(withOrigin(option, origin + API));
        }
    }

    /** APIOptionHandler.translateOption: {@code --name}, {@code --name=value} or {@code --name value}. */
    private Optional<String> translateApiOption(String arg, Deque<String> queue) {
        for (BuilderJars.ApiOption option : builder.apiOptions()) {
            if (arg.equals(option.name()) && (option.fixed() || option.defaultValue().isPresent())) {
                return Optional.of(option.builderOption() + option.defaultValue().map(v -> transform(option, v)).orElse(""));
            }
            for (char separator : option.separators()) {
                String prefix = option.name() + (separator == 0 ? "" : String.valueOf(separator));
                if (separator == ' ' && arg.equals(option.name())) {
                    return Optional.of(option.builderOption() + transform(option, required(queue, arg)));
                } else if (separator != ' ' && arg.startsWith(prefix)) {
                    if (option.fixed()) {
                        throw new NativeImage.GateError("the native-image option " + option.name() + " takes no value: " + arg);
                    }
                    return Optional.of(option.builderOption() + transform(option, arg.substring(prefix.length())));
                }
            }
        }
        return Optional.empty();
    }

    private String transform(BuilderJars.ApiOption option, String value) {
        Object result = value;
        for (String transformer : option.transformers()) {
            if (!transformer.endsWith("$DefaultTransformer")) {
                @SuppressWarnings("unchecked")
                Function<Object, Object> function = builder.newInstance(transformer, Function.class);
                result = function.apply(result);
            }
        }
        return result.toString();
    }

    /** A jar and its manifest: Class-Path entries (relative to the jar) join the class path, Main-Class is the entry point. */
    private void addJar(Path path) {
        jar = Optional.of(path);
        classpath.add(path);
        try (JarFile file = new JarFile(path.toFile())) {
            Attributes manifest = file.getManifest().getMainAttributes();
            mainClass = Optional.ofNullable(manifest.getValue("Main-Class"));
            // NativeImage.handleModuleAttributes and handleEnableNativeAccessAttribute
            for (String attribute : List.of("Add-Opens", "Add-Exports")) {
                Optional.ofNullable(manifest.getValue(attribute)).stream().flatMap(v -> Arrays.stream(v.trim().split(" +")))
                        .forEach(pkg -> builderArgs.add("-H:" + attribute.replace("-", "") + "=" + pkg + "=ALL-UNNAMED"));
            }
            if (manifest.getValue("Enable-Native-Access") != null) {
                javaArgs.add("--enable-native-access=ALL-UNNAMED");
            }
            Optional.ofNullable(manifest.getValue("Class-Path")).stream()
                    .flatMap(cp -> Arrays.stream(cp.trim().split(" +")))
                    .map(entry -> path.getParent().resolve(entry).normalize())
                    .filter(Files::exists)
                    .forEach(classpath::add);
        } catch (IOException e) {
            throw new UncheckedIOException(path.toString(), e);
        }
    }

    /** NativeImageMetaInfWalker: native-image.properties (Args, JavaArgs) and configuration files in META-INF/native-image. */
    private void readMetaInf(Path entry) {
        if (!entry.toString().endsWith(".jar")) {
            if (Files.isDirectory(entry)) {
                readMetaInf(entry, entry, entry.toUri().toString());
            }
            return;
        }
        try (FileSystem jarFs = FileSystems.newFileSystem(entry)) {
            readMetaInf(entry, jarFs.getPath("/"), "jar:" + entry.toUri() + "!/");
        } catch (IOException e) {
            throw new UncheckedIOException(entry.toString(), e);
        }
    }

    private void readMetaInf(Path entry, Path root, String uriPrefix) {
        Path metaInf = root.resolve("META-INF/native-image");
        if (!Files.isDirectory(metaInf)) {
            return;
        }
        try (Stream<Path> files = Files.walk(metaInf)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                boolean excluded = exclusions.stream().anyMatch(e -> e.jar().matcher(entry.toString()).find()
                        && e.resource().matcher(file.toString()).find());
                if (excluded) {
                    continue;
                }
                String name = file.getFileName().toString();
                String resource = root.relativize(file).toString();
                String origin = uriPrefix + resource;
                if (name.equals(PROPERTIES)) {
                    readProperties(file, origin);
                } else if (CONFIG_FILES.containsKey(name)) {
                    builderArgs.add(withOrigin("-H:" + CONFIG_FILES.get(name) + "=" + resource, origin + API));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(entry.toString(), e);
        }
    }

    private void readProperties(Path file, String origin) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key);
            if (value.contains("${")) {
                throw new NativeImage.GateError(origin + ": property substitutions (${...}) are not supported by the native gate's driver");
            }
            List<String> values = Arrays.stream(value.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
            switch (key) {
                case "Args" -> {
                    Deque<String> queue = new ArrayDeque<>(values);
                    while (!queue.isEmpty()) {
                        accept(queue, origin);
                    }
                }
                case "JavaArgs" -> javaArgs.addAll(values);
                default -> throw new NativeImage.GateError(origin + ": the property " + key + " is not supported by the native gate's driver");
            }
        }
    }

    /** {@code -H:Name=value} → {@code -H:Name@origin=value}, {@code -H:+Name} → {@code -H:+Name@origin}. */
    private static String withOrigin(String option, String origin) {
        int equals = option.indexOf('=');
        return equals < 0 ? option + "@" + origin : option.substring(0, equals) + "@" + origin + option.substring(equals);
    }

    private static String required(Deque<String> queue, String option) {
        String value = queue.poll();
        if (value == null) {
            throw new NativeImage.GateError(option + " needs a value");
        }
        return value;
    }
}
