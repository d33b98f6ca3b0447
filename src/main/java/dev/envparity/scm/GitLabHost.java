package dev.envparity.scm;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.envparity.report.Pending;
import dev.envparity.state.CompareCache.Answer;

/**
 * Compares on GitLab. Its compare API lists what {@code to} has and {@code from} lacks, with no counts the other way,
 * so two calls make one comparison: base → head (the commits waiting, oldest first) and head → base (what the
 * downstream has that the upstream lacks). The project is addressed by its URL-encoded path.
 */
final class GitLabHost implements CodeHost {
    private final GitLabApi api;
    private final HostCalls calls;

    GitLabHost(GitLabApi api, HostCalls calls) {
        this.api = api;
        this.calls = calls;
    }

    @Override
    public Answer compare(String path, String base, String head) {
        String id = URLEncoder.encode(path, StandardCharsets.UTF_8);
        String what = path + " or one of the commits " + base + ", " + head;
        GitLabComparison ahead = calls.call(() -> api.compare(id, base, head, false), what).getEntity();
        GitLabComparison behind = calls.call(() -> api.compare(id, head, base, false), what).getEntity();
        List<GitLabComparison.Commit> waiting = ahead.commits() == null ? List.of() : ahead.commits();
        int behindBy = behind.commits() == null ? 0 : behind.commits().size();
        List<Pending.Commit> newest = new ArrayList<>();
        for (int i = waiting.size() - 1; i >= 0 && newest.size() < Pending.MAX_COMMITS; i--) {
            GitLabComparison.Commit c = waiting.get(i);
            String title = PullRequests.title(c.title());
            newest.add(new Pending.Commit(c.id(), title, c.authorName(), c.webUrl(), PullRequests.number(title)));
        }
        return new Answer(Pending.State.of(waiting.size(), behindBy), waiting.size(), behindBy, newest, ahead.webUrl());
    }
}
