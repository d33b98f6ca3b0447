package dev.envparity.distribution;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code GITHUB_OUTPUT} file as the runner reads it: {@code name=value} lines, and multiline values as
 * {@code name<<DELIMITER}, the value's lines, then the delimiter alone on a line
 * (https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands#multiline-strings).
 */
final class GitHubOutputFile {
    private GitHubOutputFile() {
    }

    static Map<String, String> parse(String file) {
        Map<String, String> outputs = new LinkedHashMap<>();
        String[] lines = file.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            int heredoc = line.indexOf("<<");
            int eq = line.indexOf('=');
            if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
                String name = line.substring(0, heredoc);
                String delimiter = line.substring(heredoc + 2);
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                for (; j < lines.length && !lines[j].equals(delimiter); j++) {
                    value.append(j > i + 1 ? "\n" : "").append(lines[j]);
                }
                if (j == lines.length) {
                    throw new AssertionError("Matching delimiter not found '" + delimiter + "'");
                }
                outputs.put(name, value.toString());
                i = j;
            } else if (eq > 0) {
                outputs.put(line.substring(0, eq), line.substring(eq + 1));
            } else {
                throw new AssertionError("Invalid format '" + line + "'");
            }
        }
        return outputs;
    }
}
