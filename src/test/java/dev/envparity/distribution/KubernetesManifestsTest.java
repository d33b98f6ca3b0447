package dev.envparity.distribution;

import static dev.envparity.distribution.Manifests.list;
import static dev.envparity.distribution.Manifests.map;
import static dev.envparity.distribution.Manifests.path;
import static dev.envparity.distribution.Manifests.quantity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes as kustomize would apply it: probes on the server's health routes, a locked-down pod, resources
 * sized from the benchmark, writable volumes exactly where envparity writes, secrets only in the Secret, and every
 * path and id the same as in the images. {@code KubernetesConfigIT} runs the configuration.
 */
class KubernetesManifestsTest {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(:[^}]*)?}");
    /** Formats of real credentials: Slack webhooks and tokens, Standard Webhooks secrets, GitHub and AWS keys. */
    private static final Pattern CREDENTIAL = Pattern.compile(
            ".*(hooks\\.slack\\.com/services/T|xox[abpr]-|whsec_|gh[pousr]_[A-Za-z0-9]{20}|AKIA[0-9A-Z]{16}|webhook\\.office\\.com"
                    + "|discord(app)?\\.com/api/webhooks/\\d|chat\\.googleapis\\.com/.*key=).*");
    private static final Set<String> SECRET_KEYS = Set.of("token", "secret", "url", "password", "trust-store-password");

    private final Map<String, Object> pod = Manifests.podSpec();
    private final Map<String, Object> container = Manifests.container();
    private final Dockerfile jvm = Dockerfile.read("Dockerfile.jvm");

    @Test
    void oneReplicaThatStopsBeforeItsSuccessorStarts() {
        Map<String, Object> spec = map(Manifests.resource("Deployment").get("spec"));
        assertEquals(1, spec.get("replicas"), "state, sessions and the schedule live in one process");
        assertEquals("Recreate", path(spec, "strategy", "type"), "two pods never share the state file");
        assertEquals(path(spec, "selector", "matchLabels"), path(spec, "template", "metadata", "labels"));
    }

    @Test
    void probesAskTheServersHealthRoutesOnItsPort() {
        assertEquals("/q/health/started", path(container, "startupProbe", "httpGet", "path"));
        assertEquals("/q/health/live", path(container, "livenessProbe", "httpGet", "path"));
        assertEquals("/q/health/ready", path(container, "readinessProbe", "httpGet", "path"));
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertEquals("http", path(container, probe, "httpGet", "port"), probe);
        }
        Map<String, Object> port = map(list(container, "ports").get(0));
        assertEquals("http", port.get("name"));
        assertEquals(jvm.all("EXPOSE").get(0), String.valueOf(port.get("containerPort")), "the port the image exposes");
        int startup = (Integer) path(container, "startupProbe", "periodSeconds") * (Integer) path(container, "startupProbe", "failureThreshold");
        assertTrue(startup >= 60, "a JVM starting on one busy core gets at least a minute: " + startup + " s");

        Map<String, Object> service = Manifests.resource("Service");
        assertEquals("http", path(map(list(map(service.get("spec")), "ports").get(0)), "targetPort"));
        assertEquals(path(service, "spec", "selector"), path(Manifests.resource("Deployment"), "spec", "template", "metadata", "labels"));
    }

    @Test
    void thePodRunsUnprivilegedAsTheImagesUser() {
        Map<String, Object> sc = map(pod.get("securityContext"));
        assertEquals(true, sc.get("runAsNonRoot"));
        assertEquals(jvm.last("USER").orElseThrow(), String.valueOf(sc.get("runAsUser")));
        assertEquals(Dockerfile.read("Dockerfile.native").last("USER").orElseThrow(), String.valueOf(sc.get("runAsUser")));
        assertEquals(sc.get("runAsUser"), sc.get("fsGroup"), "the volumes are writable for that user");
        assertEquals("RuntimeDefault", path(sc, "seccompProfile", "type"));
        assertEquals(false, pod.get("automountServiceAccountToken"));
        assertEquals(false, pod.get("enableServiceLinks"), "no FOO_SERVICE_HOST variables among envparity's settings");
        for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
            assertNull(pod.get(host), host);
        }

        Map<String, Object> c = map(container.get("securityContext"));
        assertEquals(false, c.get("allowPrivilegeEscalation"));
        assertEquals(true, c.get("readOnlyRootFilesystem"));
        assertEquals(true, c.get("runAsNonRoot"));
        assertEquals(List.of("ALL"), path(c, "capabilities", "drop"));
        assertNull(path(c, "capabilities", "add"));
        assertNull(c.get("privileged"));
    }

    /**
     * bench/, 300 services x 3 environments, 60 checks in one server with the image's JVM options under a 384 MiB
     * limit: peak RSS 199 MiB (1,000 services: 220 MiB), of which about 110 MiB is not heap.
     */
    @Test
    void resourcesAreSizedFromTheMeasuredFootprint() {
        Map<String, Object> requests = map(path(container, "resources", "requests"));
        Map<String, Object> limits = map(path(container, "resources", "limits"));
        double request = quantity(requests.get("memory"), false);
        double limit = quantity(limits.get("memory"), false);
        double mib = 1024 * 1024;
        assertTrue(request >= 200 * mib, "the request covers the measured peak: " + requests.get("memory"));
        assertTrue(limit >= request, "limit " + limits.get("memory") + " ≥ request " + requests.get("memory"));
        Matcher pct = Pattern.compile("MaxRAMPercentage=(\\d+)").matcher(jvm.env().get("JAVA_TOOL_OPTIONS"));
        assertTrue(pct.find(), "the image sizes the heap from the limit");
        double heap = limit * Integer.parseInt(pct.group(1)) / 100;
        assertTrue(heap + 128 * mib <= limit, "heap " + heap / mib + " MiB plus what is not heap fits in the limit " + limit / mib);
        assertTrue(heap >= 150 * mib, "the heap holds a 1,000-service report: " + heap / mib + " MiB");
        assertTrue(quantity(requests.get("cpu"), true) <= quantity(limits.get("cpu"), true));
        assertTrue(quantity(limits.get("cpu"), true) >= 1000, "start-up compiles on at least one core");
    }

    @Test
    void writableVolumesAreExactlyWhereEnvparityWrites() {
        Map<String, String> mounts = new LinkedHashMap<>();
        Map<String, Boolean> readOnly = new LinkedHashMap<>();
        for (Object o : list(container, "volumeMounts")) {
            Map<String, Object> m = map(o);
            mounts.put((String) m.get("mountPath"), (String) m.get("name"));
            readOnly.put((String) m.get("mountPath"), Boolean.TRUE.equals(m.get("readOnly")));
        }
        Map<String, Map<String, Object>> volumes = new LinkedHashMap<>();
        list(pod, "volumes").forEach(v -> volumes.put((String) map(v).get("name"), map(v)));

        String state = jvm.last("WORKDIR").orElseThrow();
        assertEquals(DockerfileTest.STATE_DIR, state);
        Map<String, Object> stateVolume = volumes.get(mounts.get(state));
        assertFalse(readOnly.get(state));
        Map<String, Object> pvc = Manifests.resource("PersistentVolumeClaim");
        assertEquals(path(pvc, "metadata", "name"), path(stateVolume, "persistentVolumeClaim", "claimName"),
                "the state outlives the pod");
        assertEquals(List.of("ReadWriteOnce"), path(pvc, "spec", "accessModes"));
        String stateFile = (String) path(Manifests.load(Manifests.configFile()), "parity", "notify", "state", "file");
        assertTrue(stateFile.startsWith(state + "/"), "parity.yaml keeps its state on the volume: " + stateFile);
        assertEquals("file", path(Manifests.load(Manifests.configFile()), "parity", "notify", "state", "store"));

        assertTrue(volumes.get(mounts.get("/tmp")).containsKey("emptyDir"), "a writable /tmp on a read-only root");

        String config = env().get("QUARKUS_CONFIG_LOCATIONS");
        assertEquals(jvm.env().get("QUARKUS_CONFIG_LOCATIONS"), config);
        String configDir = config.substring(0, config.lastIndexOf('/'));
        assertTrue(readOnly.get(configDir));
        assertEquals(Manifests.configMapGenerator().get("name"), path(volumes.get(mounts.get(configDir)), "configMap", "name"));
        assertEquals(Manifests.configFile().getFileName().toString(), config.substring(config.lastIndexOf('/') + 1),
                "the generated ConfigMap's key is the file name");
        assertEquals(Set.of(state, "/tmp", configDir), mounts.keySet());
    }

    @Test
    void secretsComeOnlyFromTheSecretWhichIsNotAppliedWithItsPlaceholders() {
        Map<String, Object> secret = Manifests.load(Manifests.DIR.resolve("secret.yaml"));
        assertEquals("Secret", secret.get("kind"));
        assertFalse(list(Manifests.kustomization(), "resources").contains("secret.yaml"), "placeholders are never applied");
        Map<String, Object> values = map(secret.get("stringData"));
        values.forEach((k, v) -> assertTrue(String.valueOf(v).startsWith("REPLACE_ME"), k + " is a marked placeholder"));
        assertEquals(path(secret, "metadata", "name"), path(map(list(container, "envFrom").get(0)), "secretRef", "name"));

        Set<String> referenced = new TreeSet<>();
        references(Manifests.load(Manifests.configFile()), referenced);
        Set<String> provided = new TreeSet<>(values.keySet());
        provided.addAll(env().keySet());
        assertTrue(provided.containsAll(referenced), "every ${VAR} of parity.yaml is set: " + referenced + " vs " + provided);
        assertTrue(referenced.containsAll(values.keySet()), "every key of the Secret is used: " + values.keySet());
    }

    @Test
    void theConfigMapHoldsNoSecret() {
        walk("", Manifests.load(Manifests.configFile()));
        assertFalse(CREDENTIAL.matcher(Manifests.read(Manifests.configFile()).replace('\n', ' ')).matches());
    }

    @Test
    void theImageIsTheOneKustomizationSets() {
        Map<String, Object> image = map(list(Manifests.kustomization(), "images").get(0));
        assertEquals(image.get("name"), container.get("image"));
        assertTrue(String.valueOf(image.get("newTag")).matches("[\\w.-]+") && !"latest".equals(image.get("newTag")), "a pinned tag");
    }

    /** Every value under a secret-like key, and every header value, is a ${VAR} reference (a scheme like "Bearer " may lead). */
    private static void walk(String key, Object value) {
        if (value instanceof Map) {
            ((Map<?, ?>) value).forEach((k, v) -> walk(key.isEmpty() ? String.valueOf(k) : key + "." + k, v));
        } else if (value instanceof List) {
            ((List<?>) value).forEach(v -> walk(key, v));
        } else {
            String last = key.substring(key.lastIndexOf('.') + 1);
            boolean secretLike = SECRET_KEYS.contains(last) && !key.startsWith("parity.services.") || key.contains(".headers.");
            if (secretLike) {
                assertTrue(String.valueOf(value).matches("(\\w+ )?\\$\\{[A-Z0-9_]+}"), key + " must be a ${VAR} reference");
            }
        }
    }

    /** The variables of ${VAR} references without a default, in every value. */
    private static void references(Object value, Set<String> into) {
        if (value instanceof Map) {
            ((Map<?, ?>) value).values().forEach(v -> references(v, into));
        } else if (value instanceof List) {
            ((List<?>) value).forEach(v -> references(v, into));
        } else {
            Matcher m = REFERENCE.matcher(String.valueOf(value));
            while (m.find()) {
                if (m.group(2) == null) {
                    into.add(m.group(1));
                }
            }
        }
    }

    private Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        list(container, "env").forEach(e -> env.put((String) map(e).get("name"), (String) map(e).get("value")));
        return env;
    }
}
