package dev.envparity.distribution;

import static dev.envparity.distribution.Manifests.list;
import static dev.envparity.distribution.Manifests.map;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs action.yml as the GitHub runner runs a composite action, for what this machine has: each {@code run} step in
 * {@code bash --noprofile --norc -eo pipefail} with its {@code env}, {@code GITHUB_OUTPUT} and
 * {@code GITHUB_STEP_SUMMARY} files, {@code if:} conditions (the subset of the expression language action.yml
 * uses), step and action outputs, workflow-command annotations with {@code ::stop-commands::}; of the actions it
 * uses, the cache is {@link FakeCache} and setup-java is the JDK running the tests. References:
 * https://docs.github.com/actions/reference/workflows-and-actions/metadata-syntax (composite actions),
 * https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands.
 */
final class CompositeAction {
    static final Path ACTION = Path.of("action.yml");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}");

    record Result(boolean success, Map<String, String> outputs, String summary, String log, List<String> annotations,
            List<String> steps) {
    }

    private final Map<String, Object> action = Manifests.load(ACTION);
    private final FakeCache cache;
    private final Path runner;

    /** @param runner a folder standing for the runner machine: its temp, tool cache and home are made in it */
    CompositeAction(FakeCache cache, Path runner) {
        this.cache = cache;
        this.runner = runner;
    }

    /**
     * One run of the action, as {@code uses: …} with {@code with: inputs} and {@code env: env} in a job.
     *
     * @param runId github.run_id: a new run of the workflow
     */
    Result run(Path workspace, Map<String, String> inputs, Map<String, String> env, long runId) throws IOException, InterruptedException {
        Run run = new Run(workspace, inputs, runId);
        for (Object o : list(map(action.get("runs")), "steps")) {
            Map<String, Object> step = map(o);
            if (!run.shouldRun((String) step.get("if"))) {
                continue;
            }
            run.steps.add(String.valueOf(step.get("name")));
            Map<String, String> outputs = step.containsKey("uses") ? run.uses(step) : run.shell(step, env);
            if (step.get("id") != null) {
                run.stepOutputs.put((String) step.get("id"), outputs);
            }
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        map(action.get("outputs")).forEach((name, o) -> outputs.put(name, run.substitute((String) map(o).get("value"))));
        return new Result(!run.failed, outputs, run.summary.toString(), run.log.toString(), run.annotations, run.steps);
    }

    private final class Run {
        final Path workspace;
        final Map<String, String> inputs = new LinkedHashMap<>();
        final long runId;
        final Map<String, Map<String, String>> stepOutputs = new LinkedHashMap<>();
        final StringBuilder summary = new StringBuilder();
        final StringBuilder log = new StringBuilder();
        final List<String> annotations = new ArrayList<>();
        final List<String> steps = new ArrayList<>();
        boolean failed;

        Run(Path workspace, Map<String, String> given, long runId) {
            this.workspace = workspace;
            this.runId = runId;
            map(action.get("inputs")).forEach((name, spec) -> {
                Object fallback = map(spec).get("default");
                inputs.put(name, given.getOrDefault(name, fallback == null ? "" : String.valueOf(fallback)));
                if (Boolean.TRUE.equals(map(spec).get("required")) && !given.containsKey(name)) {
                    throw new AssertionError("required input " + name);
                }
            });
            given.keySet().forEach(k -> {
                if (!inputs.containsKey(k)) {
                    throw new AssertionError("the action has no input " + k);
                }
            });
        }

        /** Without a status function, a condition means "success() && …", as on GitHub. */
        boolean shouldRun(String condition) {
            if (condition == null) {
                return !failed;
            }
            String c = condition.strip();
            if (c.startsWith("${{")) {
                c = c.substring(3, c.length() - 2);
            }
            boolean status = c.contains("always()") || c.contains("failure()") || c.contains("success()");
            return (status || !failed) && truthy(evaluate(c));
        }

        Map<String, String> uses(Map<String, Object> step) throws IOException {
            String uses = (String) step.get("uses");
            Map<String, String> with = new LinkedHashMap<>();
            if (step.get("with") != null) {
                map(step.get("with")).forEach((k, v) -> with.put(k, substitute(String.valueOf(v))));
            }
            if (uses.startsWith("actions/setup-java@")) {
                return Map.of(); // the JDK running these tests
            }
            if (uses.startsWith("actions/cache/restore@")) {
                return cache.restore(paths(with.get("path")), with.get("key"), with.getOrDefault("restore-keys", ""));
            }
            if (uses.startsWith("actions/cache/save@")) {
                log.append(cache.save(paths(with.get("path")), with.get("key"))).append('\n');
                return Map.of();
            }
            throw new AssertionError("this runner does not know " + uses);
        }

        Map<String, String> shell(Map<String, Object> step, Map<String, String> callerEnv) throws IOException, InterruptedException {
            if (!"bash".equals(step.get("shell"))) {
                throw new AssertionError("a composite run step names its shell: " + step);
            }
            Path dir = Files.createTempDirectory(tempDir(), "step");
            Path script = Files.writeString(dir.resolve("script.sh"), (String) step.get("run"));
            Path output = Files.createFile(dir.resolve("output"));
            Path stepSummary = Files.createFile(dir.resolve("summary"));
            ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString())
                    .directory(workspace.toFile()).redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.putAll(callerEnv);
            env.putAll(Map.of("GITHUB_ACTION_PATH", ACTION.toAbsolutePath().getParent().toString(),
                    "GITHUB_WORKSPACE", workspace.toString(), "GITHUB_OUTPUT", output.toString(), "GITHUB_STEP_SUMMARY",
                    stepSummary.toString(), "RUNNER_TEMP", tempDir().toString(), "RUNNER_TOOL_CACHE", runner.resolve("tool-cache").toString(),
                    "RUNNER_OS", "Linux", "HOME", runner.resolve("home").toString(), "GITHUB_RUN_ID", String.valueOf(runId)));
            if (step.get("env") != null) {
                map(step.get("env")).forEach((k, v) -> env.put(k, substitute(String.valueOf(v))));
            }
            Process p = pb.start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("step " + step.get("name") + " did not finish:\n" + text);
            }
            log.append("## ").append(step.get("name")).append('\n').append(text);
            commands(text);
            if (p.exitValue() != 0) {
                failed = true;
            }
            summary.append(Files.readString(stepSummary));
            return GitHubOutputFile.parse(Files.readString(output));
        }

        /** Annotations (::error …, ::warning …, ::notice …), except between ::stop-commands::TOKEN and ::TOKEN::. */
        private void commands(String text) {
            String stoppedUntil = null;
            for (String line : text.split("\n")) {
                if (stoppedUntil != null) {
                    if (line.equals(stoppedUntil)) {
                        stoppedUntil = null;
                    }
                } else if (line.startsWith("::stop-commands::")) {
                    stoppedUntil = "::" + line.substring("::stop-commands::".length()) + "::";
                } else if (line.matches("::(error|warning|notice)( [^:]*)?::.*")) {
                    annotations.add(line);
                }
            }
        }

        String substitute(String text) {
            Matcher m = EXPRESSION.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(evaluate(m.group(1)))));
            }
            return m.appendTail(out).toString();
        }

        /** {@code a && b}, {@code x == 'v'}, {@code x != 'v'}, {@code always()}, literals and the contexts action.yml uses. */
        Object evaluate(String expression) {
            String e = expression.strip();
            if (e.contains("&&")) {
                for (String part : e.split("&&")) {
                    if (!truthy(evaluate(part))) {
                        return false;
                    }
                }
                return true;
            }
            for (String op : new String[] {"!=", "=="}) {
                int i = e.indexOf(op);
                if (i > 0) {
                    boolean equal = String.valueOf(evaluate(e.substring(0, i))).equalsIgnoreCase(String.valueOf(evaluate(e.substring(i + 2))));
                    return op.equals("==") == equal;
                }
            }
            if (e.equals("always()")) {
                return true;
            }
            if (e.startsWith("'") && e.endsWith("'")) {
                return e.substring(1, e.length() - 1);
            }
            String[] path = e.split("\\.");
            switch (path[0]) {
                case "inputs":
                    if (!inputs.containsKey(path[1])) {
                        throw new AssertionError("no input " + path[1]);
                    }
                    return inputs.get(path[1]);
                case "steps":
                    return stepOutputs.getOrDefault(path[1], Map.of()).getOrDefault(path[3], "");
                case "github":
                    switch (path[1]) {
                        case "action_path": return ACTION.toAbsolutePath().getParent().toString();
                        case "run_id": return String.valueOf(runId);
                        case "run_attempt": return "1";
                        default: break;
                    }
                    break;
                default:
                    break;
            }
            throw new AssertionError("this runner does not evaluate '" + e + "'");
        }

        boolean truthy(Object value) {
            return value instanceof Boolean ? (Boolean) value : !String.valueOf(value).isEmpty();
        }

        /** A cache step's paths, one per line. */
        List<Path> paths(String lines) {
            return lines.lines().map(String::strip).filter(l -> !l.isEmpty()).map(this::path).toList();
        }

        /** Cache paths: "~/…" in the runner's home, relative ones in the workspace. */
        Path path(String path) {
            return path.startsWith("~/") ? runner.resolve("home").resolve(path.substring(2)) : workspace.resolve(path);
        }

        Path tempDir() throws IOException {
            return Files.createDirectories(runner.resolve("temp"));
        }
    }
}
