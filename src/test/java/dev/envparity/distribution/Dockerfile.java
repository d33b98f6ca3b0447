package dev.envparity.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The instructions of a Dockerfile, as the reference reads them (https://docs.docker.com/reference/dockerfile/):
 * comments dropped, backslash continuations joined, exec-form arguments as JSON arrays, {@code ENV key=value}
 * pairs with optional double quotes.
 */
record Dockerfile(Path file, List<Instruction> instructions) {
    static final Path DIR = Path.of("src", "main", "docker");

    record Instruction(String keyword, String arguments) {
    }

    record Copy(String source, String destination) {
    }

    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");

    static Dockerfile read(String name) {
        Path file = DIR.resolve(name);
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
                    continue;
                }
                if (trimmed.endsWith("\\")) {
                    current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                    continue;
                }
                current.append(trimmed);
                String text = current.toString().strip();
                current.setLength(0);
                if (!text.isEmpty()) {
                    int space = text.indexOf(' ');
                    instructions.add(new Instruction(text.substring(0, space < 0 ? text.length() : space).toUpperCase(),
                            space < 0 ? "" : text.substring(space + 1).strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Dockerfile(file, instructions);
    }

    List<String> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    Optional<String> last(String keyword) {
        List<String> all = all(keyword);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    int indexOfLast(String keyword) {
        for (int i = instructions.size() - 1; i >= 0; i--) {
            if (instructions.get(i).keyword().equals(keyword)) {
                return i;
            }
        }
        return -1;
    }

    /** Every ENV, in order; a later one wins. */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String args : all("ENV")) {
            Matcher m = ENV_PAIR.matcher(args);
            while (m.find()) {
                String v = m.group(2);
                env.put(m.group(1), v.startsWith("\"") ? v.substring(1, v.length() - 1).replace("\\\"", "\"") : v);
            }
        }
        return env;
    }

    /** ARG names with their defaults, FROM with ${ARG} resolved. */
    String baseImage() {
        Map<String, String> args = new LinkedHashMap<>();
        for (String arg : all("ARG")) {
            int eq = arg.indexOf('=');
            if (eq > 0) {
                args.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
        }
        String from = last("FROM").orElseThrow().split("\\s+")[0];
        for (Map.Entry<String, String> a : args.entrySet()) {
            from = from.replace("${" + a.getKey() + "}", a.getValue());
        }
        return from;
    }

    List<Copy> copies() {
        return all("COPY").stream().map(args -> {
            List<String> parts = new ArrayList<>(List.of(args.split("\\s+")));
            parts.removeIf(p -> p.startsWith("--"));
            return new Copy(parts.get(0), parts.get(1));
        }).toList();
    }

    /** An exec-form instruction's arguments: {@code ENTRYPOINT ["java", "-jar", "x.jar"]}. */
    List<String> execForm(String keyword) {
        String args = last(keyword).orElseThrow(() -> new AssertionError(file + " has no " + keyword));
        try {
            return new ObjectMapper().readValue(args, new TypeReference<List<String>>() {
            });
        } catch (IOException e) {
            throw new AssertionError(file + ": " + keyword + " is not in exec form (a JSON array): " + args, e);
        }
    }
}
