package dev.envparity.scm;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The fields of GitLab's compare answer envparity reads (the diffs are ignored).
 *
 * @param commits the commits {@code to} has and {@code from} lacks, oldest first
 * @param webUrl the comparison's page
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record GitLabComparison(List<Commit> commits, @JsonProperty("web_url") String webUrl) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Commit(String id, String title, @JsonProperty("author_name") String authorName,
            @JsonProperty("web_url") String webUrl) {
    }
}
