package dev.envparity.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Per chat target, whether its notification state could be written the last time a run needed it. The server
 * reports a problem on {@code /q/health/ready}; the CLI exits 3. A later successful write clears it.
 */
@ApplicationScoped
public class StateHealth {

    /** @param since when the state of this target first could not be written, in this streak */
    public record Problem(String target, Instant since, String reason) {
    }

    private final Map<String, Problem> problems = new TreeMap<>();

    public synchronized void failed(String target, String reason, Instant now) {
        Problem before = problems.get(target);
        problems.put(target, new Problem(target, before == null ? now : before.since(), reason));
    }

    public synchronized void written(String target) {
        problems.remove(target);
    }

    public synchronized boolean failing(String target) {
        return problems.containsKey(target);
    }

    /** By target name; empty when every state could be written. */
    public synchronized List<Problem> problems() {
        return List.copyOf(problems.values());
    }
}
