package dev.envparity.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a service's code lives: {@code github:<owner>/<repo>} or {@code gitlab:<group>/<project>} (GitLab groups
 * nest, so a project path has two segments or more).
 *
 * @param path "acme/checkout", "platform/payments/api"
 */
public record Repository(Host host, String path) {

    public enum Host {
        GITHUB("github", "GitHub"),
        GITLAB("gitlab", "GitLab");

        public final String id;
        /** The host's name, for people. */
        public final String label;

        Host(String id, String label) {
            this.id = id;
            this.label = label;
        }
    }

    /**
     * GitHub owner and repository names: letters, digits, '-', '_', '.'
     * (https://docs.github.com/en/repositories/creating-and-managing-repositories/about-repositories).
     */
    private static final Pattern GITHUB = Pattern.compile("[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100}");
    /** GitLab namespaces and project paths: letters, digits, '_', '-', '.', segments separated by '/'. */
    private static final Pattern GITLAB = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*(/[A-Za-z0-9_][A-Za-z0-9_.-]*)+");

    /** @return the repository, or empty when {@code value} is neither form */
    static Optional<Repository> parse(String value) {
        String v = value.strip();
        if (v.startsWith("github:") && GITHUB.matcher(v.substring(7)).matches()) {
            return Optional.of(new Repository(Host.GITHUB, v.substring(7)));
        }
        if (v.startsWith("gitlab:") && GITLAB.matcher(v.substring(7)).matches() && !v.endsWith(".git")) {
            return Optional.of(new Repository(Host.GITLAB, v.substring(7)));
        }
        return Optional.empty();
    }

    /** "github:acme/checkout": the form configuration uses, and the key of cached comparisons. */
    public String id() {
        return host.id + ":" + path;
    }

    @Override
    public String toString() {
        return id();
    }
}
