package dev.envparity.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

import software.constructs.Node;

/**
 * What the stack is built from: cdk.json's context, overridable with {@code -c key=value}.
 *
 * @param nativeBuild true: the GraalVM native function (provided.al2023); false: the JVM build (jvmRuntime)
 * @param functionZip the Quarkus build's target/function.zip
 * @param configDir a directory holding envparity/parity.yaml, shipped as a layer (/opt/envparity/parity.yaml)
 * @param secrets names of the Secrets Manager secrets to create, each as "envparity/&lt;name&gt;"
 * @param alarmEmail where alarms are mailed; may be null
 * @param arm64 true (default) for Graviton; a native executable must be built for the same architecture
 * @param snapStart the JVM build with Lambda SnapStart on its published versions (default true; -c snapStart=false)
 */
public record Settings(boolean nativeBuild, Path functionZip, Path configDir, List<String> secrets, String schedule,
        int reservedConcurrency, String jvmRuntime, String alarmEmail, boolean arm64, boolean snapStart) {

    public static Settings from(Node node, Path layerDir) {
        boolean nativeBuild = !"false".equalsIgnoreCase(text(node, "native", "true"));
        Path zip = Path.of(text(node, "functionZip", "../target/function.zip"));
        if (!Files.isRegularFile(zip)) {
            throw new IllegalArgumentException("no function at " + zip + ": build it first ("
                    + (nativeBuild ? "./mvnw package -Dquarkus.native.enabled=true -Dquarkus.native.container-build=true"
                            : "./mvnw package") + ", from the repository root), or pass -c functionZip=<path>");
        }
        Path config = Path.of(text(node, "config", "../parity.yaml"));
        if (!Files.isRegularFile(config)) {
            throw new IllegalArgumentException("no envparity configuration at " + config
                    + ": write your parity.yaml there (see README, Configure) or pass -c config=<path>");
        }
        List<String> secrets = Arrays.stream(text(node, "secrets", "").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new Settings(nativeBuild, zip, layer(config, layerDir), secrets, text(node, "schedule", "rate(15 minutes)"),
                Integer.parseInt(text(node, "reservedConcurrency", "10")), text(node, "jvmRuntime", "java25"),
                node.tryGetContext("alarmEmail") == null ? null : text(node, "alarmEmail", null),
                !"x86_64".equals(text(node, "arch", "arm64")), !"false".equalsIgnoreCase(text(node, "snapStart", "true")));
    }

    /** Lays the configuration out as the layer's content: /opt/envparity/parity.yaml once deployed. */
    static Path layer(Path config, Path layerDir) {
        try {
            Path dir = layerDir.resolve("envparity");
            Files.createDirectories(dir);
            Files.copy(config, dir.resolve("parity.yaml"), StandardCopyOption.REPLACE_EXISTING);
            return layerDir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Node node, String key, String fallback) {
        Object value = node.tryGetContext(key);
        return value == null ? fallback : String.valueOf(value);
    }
}
