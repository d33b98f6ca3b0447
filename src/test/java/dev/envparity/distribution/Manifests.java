package dev.envparity.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/** deploy/kubernetes read as kustomize reads it: its resources, its generated ConfigMap's file, its image. */
final class Manifests {
    static final Path DIR = Path.of("deploy", "kubernetes");
    private static final Pattern QUANTITY = Pattern.compile("(\\d+(?:\\.\\d+)?)(m|Ki|Mi|Gi)?");

    private Manifests() {
    }

    static Map<String, Object> kustomization() {
        return load(DIR.resolve("kustomization.yaml"));
    }

    /** Every object of the resources kustomization.yaml lists. */
    static List<Map<String, Object>> resources() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Object file : list(kustomization(), "resources")) {
            for (Object doc : new Yaml().loadAll(read(DIR.resolve((String) file)))) {
                all.add(map(doc));
            }
        }
        return all;
    }

    static Map<String, Object> resource(String kind) {
        return resources().stream().filter(r -> kind.equals(r.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + DIR));
    }

    /** The generated ConfigMap: its name and its one file. */
    static Map<String, Object> configMapGenerator() {
        return map(list(kustomization(), "configMapGenerator").get(0));
    }

    static Path configFile() {
        return DIR.resolve((String) list(configMapGenerator(), "files").get(0));
    }

    static Map<String, Object> podSpec() {
        return map(path(resource("Deployment"), "spec", "template", "spec"));
    }

    static Map<String, Object> container() {
        return map(list(podSpec(), "containers").get(0));
    }

    static Map<String, Object> load(Path file) {
        return map(new Yaml().load(read(file)));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        if (!(o instanceof Map)) {
            throw new AssertionError("not a mapping: " + o);
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> m, String key) {
        Object o = m.get(key);
        if (!(o instanceof List)) {
            throw new AssertionError(key + " is not a list in " + m);
        }
        return (List<Object>) o;
    }

    /** The value at a path of keys, or null. */
    static Object path(Map<String, Object> m, String... keys) {
        Object at = m;
        for (String k : keys) {
            if (!(at instanceof Map)) {
                return null;
            }
            at = ((Map<?, ?>) at).get(k);
        }
        return at;
    }

    /** A Kubernetes quantity in bytes (memory) or millicores (cpu: "100m", "1"). */
    static double quantity(Object value, boolean cpu) {
        Matcher m = QUANTITY.matcher(String.valueOf(value));
        if (!m.matches()) {
            throw new AssertionError("not a quantity: " + value);
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        if (cpu) {
            return unit.equals("m") ? n : n * 1000;
        }
        switch (unit) {
            case "Ki": return n * 1024;
            case "Mi": return n * 1024 * 1024;
            case "Gi": return n * 1024 * 1024 * 1024;
            default: return n;
        }
    }
}
