package dev.envparity.configfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.annotation.Priority;

import dev.envparity.config.InvalidConfigException;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

/**
 * The user's own configuration files, {@code quarkus.config.locations}. SmallRye loads them with the ordinal of the
 * source that names them (https://smallrye.io/smallrye-config/Main/config/locations/): named by
 * {@code -Dquarkus.config.locations}, a file ranks with system properties, so neither {@code -Dparity.…} nor
 * {@code PARITY_…} can override what it sets. Here the locations are answered with the rank of a file (above the
 * built-in application.yaml and {@code ./config/application.yaml}, below {@code .env}, environment variables and
 * system properties), after checking that each exists and that each YAML file is well-formed: otherwise a missing
 * file passes silently and a syntax error stops start-up with a parser stack trace.
 */
@Priority(Priorities.APPLICATION + 300)
public class ConfigFiles implements ConfigSourceInterceptor {
    private static final long serialVersionUID = 1L;
    /** Quarkus' own file sources: 250/255 in the application, 260/265 in ./config; .env is 295, the environment 300. */
    static final int ORDINAL = 275;
    private static final String LOCATIONS = "quarkus.config.locations";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (value == null || value.getValue() == null || !(name.equals(LOCATIONS) || name.equals("smallrye.config.locations"))) {
            return value;
        }
        List<String> problems = new ArrayList<>();
        for (String location : value.getValue().split(",")) {
            if (!location.isBlank()) {
                check(location.trim()).ifPresent(problems::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return value.withConfigSourceOrdinal(ORDINAL);
    }

    private static Optional<String> check(String location) {
        Optional<Path> path = localPath(location);
        if (path.isEmpty()) {
            return Optional.empty(); // a URL (http:, jar:): SmallRye reads it, and reports what it cannot read
        }
        Path p = path.get();
        if (Files.isDirectory(p)) {
            try (Stream<Path> files = Files.list(p)) {
                return files.filter(ConfigFiles::isYaml).sorted().map(f -> checkFile(f.toString(), f)).flatMap(Optional::stream)
                        .findFirst();
            } catch (IOException e) {
                return Optional.of(LOCATIONS + ": cannot read the folder " + location);
            }
        }
        if (Files.exists(p)) {
            return isYaml(p) ? checkFile(location, p) : Optional.empty();
        }
        URL resource = Thread.currentThread().getContextClassLoader().getResource(location);
        if (resource != null) {
            return isYaml(p) ? checkResource(location, resource) : Optional.empty();
        }
        return Optional.of(LOCATIONS + ": " + location + " does not exist (relative paths start at " + Path.of("").toAbsolutePath() + ")");
    }

    /** A path, a file: URI, or nothing for other URLs. One-letter schemes are Windows drives. */
    private static Optional<Path> localPath(String location) {
        int colon = location.indexOf(':');
        if (colon <= 1) {
            return Optional.of(Path.of(location));
        }
        String scheme = location.substring(0, colon).toLowerCase(Locale.ROOT);
        return scheme.equals("file") ? Optional.of(Path.of(URI.create(location))) : Optional.empty();
    }

    private static boolean isYaml(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return YamlSyntax.extensions().stream().anyMatch(name::endsWith);
    }

    private static Optional<String> checkFile(String shown, Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return YamlSyntax.problem(shown, in);
        } catch (IOException e) {
            return Optional.of(LOCATIONS + ": cannot read " + shown + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Optional<String> checkResource(String shown, URL resource) {
        try (InputStream in = resource.openStream()) {
            return YamlSyntax.problem(shown, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.of(LOCATIONS + ": cannot read " + shown + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
