package dev.envparity.scm;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The fields of GitHub's compare answer envparity reads (its other fields, the changed files among them, are ignored).
 *
 * @param status ahead, behind, diverged or identical
 * @param commits this page's commits, oldest first
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record GitHubComparison(String status, @JsonProperty("ahead_by") int aheadBy, @JsonProperty("behind_by") int behindBy,
        @JsonProperty("total_commits") int totalCommits, @JsonProperty("html_url") String htmlUrl, List<Commit> commits) {

    /** @param author the GitHub account, when the commit's e-mail belongs to one; may be null */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Commit(String sha, @JsonProperty("html_url") String htmlUrl, Detail commit, Account author) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Detail(String message, Person author) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(String name) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Account(String login) {
    }
}
