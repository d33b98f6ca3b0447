package dev.envparity.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A loopback stand-in for GitLab's "Compare branches, tags or commits"
 * (https://docs.gitlab.com/api/repositories/#compare-branches-tags-or-commits) that answers like the real one: the
 * project addressed by its URL-encoded path only ({@code group%2Fproject}; a raw slash finds no route), {@code from},
 * {@code to} and {@code straight}, the commits {@code to} has and {@code from} lacks (oldest first) with GitLab's field
 * names, {@code web_url}, 401 for a wrong token, 404 for an unknown project or commit, and 429 with
 * {@code Retry-After} and {@code RateLimit-*} headers when asked to.
 */
public final class GitLabStandIn extends CodeHostStandIn {
    private static final Pattern COMPARE = Pattern.compile("/api/v4/projects/([^/]+)/repository/compare");

    private final Map<String, CommitGraph> projects = new ConcurrentHashMap<>();
    private final AtomicBoolean limited = new AtomicBoolean();

    private GitLabStandIn(String token) {
        super(token);
    }

    public static GitLabStandIn start(String token) {
        return new GitLabStandIn(token);
    }

    /** The base URL parity.scm.gitlab.api-url takes. */
    public String apiUrl() {
        return url() + "/api/v4";
    }

    public GitLabStandIn project(String path, CommitGraph graph) {
        projects.put(path, graph);
        return this;
    }

    /** The next request is throttled. */
    public void rateLimited() {
        limited.set(true);
    }

    @Override
    protected Answer answer(Request request) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!authorized(request)) {
            return Answer.json(401, object().put("message", "401 Unauthorized"), headers);
        }
        if (limited.getAndSet(false)) {
            headers.put("Retry-After", "30");
            headers.put("RateLimit-Limit", "2000");
            headers.put("RateLimit-Remaining", "0");
            headers.put("RateLimit-Reset", "1795431630");
            return new Answer(429, headers, "Retry later");
        }
        Matcher m = COMPARE.matcher(request.rawPath());
        if (!m.matches()) {
            return Answer.json(404, object().put("error", "404 Not Found"), headers);
        }
        String path = java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
        CommitGraph graph = projects.get(path);
        if (graph == null) {
            return Answer.json(404, object().put("message", "404 Project Not Found"), headers);
        }
        String from = graph.resolve(request.param("from"));
        String to = graph.resolve(request.param("to"));
        if (from == null || to == null) {
            return Answer.json(404, object().put("message", "404 Ref Not Found"), headers);
        }
        List<CommitGraph.Commit> commits = graph.between(from, to);
        String web = "https://gitlab.example.com/" + path;
        ObjectNode body = object();
        body.set("commit", commits.isEmpty() ? null : commit(web, commits.get(commits.size() - 1)));
        ArrayNode list = body.putArray("commits");
        commits.forEach(c -> list.add(commit(web, c)));
        ArrayNode diffs = body.putArray("diffs");
        if (!commits.isEmpty()) {
            diffs.addObject().put("old_path", "src/tax.rb").put("new_path", "src/tax.rb").put("a_mode", "100644")
                    .put("b_mode", "100644").put("diff", "@@ -1 +1 @@\n-old\n+new").put("new_file", false)
                    .put("renamed_file", false).put("deleted_file", false);
        }
        body.put("compare_timeout", false);
        body.put("compare_same_ref", from.equals(to));
        body.put("web_url", web + "/-/compare/" + from + "..." + to + ("true".equals(request.param("straight")) ? "?straight=true" : ""));
        return Answer.json(200, body, headers);
    }

    private static ObjectNode commit(String web, CommitGraph.Commit c) {
        ObjectNode n = object();
        n.put("id", c.sha());
        n.put("short_id", c.sha().substring(0, 8));
        n.put("created_at", c.at().toString());
        n.putArray("parent_ids").add(c.parent() == null ? "" : c.parent());
        n.put("title", c.title());
        n.put("message", c.message());
        n.put("author_name", c.authorName());
        n.put("author_email", "dev@example.com");
        n.put("authored_date", c.at().toString());
        n.put("committer_name", c.authorName());
        n.put("committer_email", "dev@example.com");
        n.put("committed_date", c.at().toString());
        n.putObject("trailers");
        n.putObject("extended_trailers");
        n.put("web_url", web + "/-/commit/" + c.sha());
        return n;
    }
}
