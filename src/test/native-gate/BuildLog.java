import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the builder's own output says, line by line: the time and memory of each phase ("[2/8] Performing
 * analysis... (68.1s @ 0.79GB)"), what the analysis found reachable, the builder's peak RSS, and its first error
 * ("Error: ..." or "Fatal error: ...") with the lines that explain it, stack frames left out.
 */
final class BuildLog {
    private static final Pattern PHASE = Pattern.compile("^(\\[\\d+/\\d+]) (.+?)\\.\\.\\..*\\((\\d+(?:\\.\\d+)?)s @ (\\d+(?:\\.\\d+)?GB)\\)\\s*$");
    private static final Pattern REACHABLE = Pattern.compile("^\\s*([\\d,]+) types,\\s+[\\d,]+ fields, and\\s+([\\d,]+) methods found reachable");
    private static final Pattern PEAK_RSS = Pattern.compile("Peak RSS: (\\d+(?:\\.\\d+)?[KMG]B)");
    private static final Pattern ERROR = Pattern.compile("^(Error|Fatal error): ");
    private static final Pattern NOISE = Pattern.compile("^\\s*(at |\\.\\.\\. \\d+ more|\\(internal stack frames)|^\\s*$");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");
    private static final String CAUSE = "Caused by: ";
    private static final int ERROR_LINES = 25;

    record Phase(String step, String name, String seconds, String heap) {
    }

    private final List<Phase> phases = new ArrayList<>();
    private final List<String> error = new ArrayList<>();
    private final List<String> tail = new ArrayList<>();
    private Optional<String> reachable = Optional.empty();
    private Optional<String> peakRss = Optional.empty();
    private boolean inError;
    private boolean inCauses;

    void accept(String rawLine) {
        String line = ANSI.matcher(rawLine).replaceAll("");
        tail.add(line);
        if (tail.size() > 10) {
            tail.removeFirst();
        }
        Matcher phase = PHASE.matcher(line);
        if (phase.find()) {
            phases.add(new Phase(phase.group(1), phase.group(2), phase.group(3), phase.group(4)));
        }
        Matcher found = REACHABLE.matcher(line);
        if (found.find()) {
            reachable = Optional.of(found.group(1) + " types, " + found.group(2) + " methods");
        }
        Matcher rss = PEAK_RSS.matcher(line);
        if (rss.find()) {
            peakRss = Optional.of(rss.group(1));
        }
        if (error.isEmpty() && ERROR.matcher(line).find()) {
            inError = true;
        } else if (inError && (line.startsWith("-----") || line.startsWith("=====") || error.size() >= ERROR_LINES)) {
            inError = false;
        }
        if (inError && !NOISE.matcher(line).find()) {
            addErrorLine(line);
        }
    }

    /** The error's own lines, then one line per cause that says something new (causes often repeat the error). */
    private void addErrorLine(String line) {
        if (line.startsWith(CAUSE)) {
            inCauses = true;
            String cause = line.substring(CAUSE.length());
            if (error.stream().noneMatch(e -> e.endsWith(cause) || e.endsWith(cause.replaceFirst("^[\\w.$]+: ", "")))) {
                error.add(line);
            }
        } else if (!inCauses) {
            error.add(line);
        }
    }

    List<Phase> phases() {
        return phases;
    }

    Optional<String> reachable() {
        return reachable;
    }

    Optional<String> peakRss() {
        return peakRss;
    }

    /** The builder's first error, or its last lines if it stopped without one. */
    List<String> firstError() {
        return error.isEmpty() ? tail : error;
    }
}
