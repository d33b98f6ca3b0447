package dev.envparity.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A loopback stand-in for GitHub's "Compare two commits" that answers like the real one
 * (https://docs.github.com/en/rest/commits/commits#compare-two-commits): the same field names, commits oldest first,
 * 250 commits at most without {@code per_page}, pages with a {@code Link} header (next, last, first, prev), the
 * {@code x-ratelimit-*} headers on every answer, 403 when the primary limit is used up (with its reset time), 403 with
 * {@code retry-after} for a secondary limit, 401 for a wrong token, 404 for an unknown repository or commit.
 */
public final class GitHubStandIn extends CodeHostStandIn {
    private static final Pattern COMPARE = Pattern.compile("/repos/([^/]+)/([^/]+)/compare/([^/]+)");
    private static final int LIMIT = 5000;

    private final Map<String, CommitGraph> repositories = new ConcurrentHashMap<>();
    private final AtomicInteger remaining = new AtomicInteger(LIMIT);
    private final String prefix;
    private volatile boolean secondaryLimit;
    /** The primary limit's reset, epoch seconds. */
    public static final long RESET = Instant.parse("2026-11-26T11:00:00Z").getEpochSecond();

    private GitHubStandIn(String token, String prefix) {
        super(token);
        this.prefix = prefix;
    }

    /** GitHub.com's layout: the API at the root. */
    public static GitHubStandIn start(String token) {
        return new GitHubStandIn(token, "");
    }

    /** GitHub Enterprise Server's layout: the API under /api/v3. */
    public static GitHubStandIn enterprise(String token) {
        return new GitHubStandIn(token, "/api/v3");
    }

    /** The base URL parity.scm.github.api-url takes. */
    public String apiUrl() {
        return url() + prefix;
    }

    public GitHubStandIn repository(String fullName, CommitGraph graph) {
        repositories.put(fullName, graph);
        return this;
    }

    /** Requests left before the primary rate limit answers 403. */
    public void remaining(int n) {
        remaining.set(n);
    }

    /** The next request trips a secondary rate limit. */
    public void secondaryLimit() {
        secondaryLimit = true;
    }

    @Override
    protected Answer answer(Request request) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!authorized(request)) {
            return Answer.json(401, error("Bad credentials"), headers);
        }
        if (secondaryLimit) {
            secondaryLimit = false;
            headers.put("retry-after", "60");
            return Answer.json(403, error("You have exceeded a secondary rate limit. Please wait a few minutes before you try "
                    + "again."), headers);
        }
        int left = remaining.getAndUpdate(n -> Math.max(0, n - 1));
        headers.put("x-ratelimit-limit", String.valueOf(LIMIT));
        headers.put("x-ratelimit-remaining", String.valueOf(Math.max(0, left - 1)));
        headers.put("x-ratelimit-reset", String.valueOf(RESET));
        headers.put("x-ratelimit-used", String.valueOf(LIMIT - Math.max(0, left - 1)));
        headers.put("x-ratelimit-resource", "core");
        if (left <= 0) {
            headers.put("x-ratelimit-remaining", "0");
            return Answer.json(403, error("API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, "
                    + "please include the request ID."), headers);
        }
        Matcher m = COMPARE.matcher(request.rawPath().substring(Math.min(prefix.length(), request.rawPath().length())));
        if (!request.rawPath().startsWith(prefix) || !m.matches()) {
            return Answer.json(404, error("Not Found"), headers);
        }
        String fullName = m.group(1) + "/" + m.group(2);
        CommitGraph graph = repositories.get(fullName);
        String[] basehead = URLDecoder.decode(m.group(3), StandardCharsets.UTF_8).split("\\.\\.\\.", 2);
        String base = graph == null || basehead.length < 2 ? null : graph.resolve(basehead[0]);
        String head = graph == null || basehead.length < 2 ? null : graph.resolve(basehead[1]);
        if (base == null || head == null) {
            return Answer.json(404, error("Not Found"), headers);
        }
        List<CommitGraph.Commit> ahead = graph.between(base, head);
        int behind = graph.between(head, base).size();
        String perPage = request.param("per_page");
        int size = perPage == null ? 250 : Math.max(1, Math.min(100, Integer.parseInt(perPage)));
        int page = request.param("page") == null ? 1 : Integer.parseInt(request.param("page"));
        int pages = Math.max(1, (ahead.size() + size - 1) / size);
        List<CommitGraph.Commit> shown = ahead.subList(Math.min(ahead.size(), (page - 1) * size),
                Math.min(ahead.size(), page * size));
        if (perPage != null && pages > 1) {
            headers.put("Link", links(fullName, m.group(3), size, page, pages));
        }
        ObjectNode body = object();
        String web = "https://github.com/" + fullName;
        body.put("url", url() + prefix + "/repos/" + fullName + "/compare/" + m.group(3));
        body.put("html_url", web + "/compare/" + m.group(3));
        body.put("permalink_url", web + "/compare/" + fullName.replace('/', ':') + ":" + base.substring(0, 7) + "..."
                + fullName.replace('/', ':') + ":" + head.substring(0, 7));
        body.put("diff_url", web + "/compare/" + m.group(3) + ".diff");
        body.put("patch_url", web + "/compare/" + m.group(3) + ".patch");
        body.set("base_commit", commit(fullName, graph.get(base)));
        body.set("merge_base_commit", commit(fullName, graph.get(base)));
        body.put("status", ahead.isEmpty() ? behind == 0 ? "identical" : "behind" : behind == 0 ? "ahead" : "diverged");
        body.put("ahead_by", ahead.size());
        body.put("behind_by", behind);
        body.put("total_commits", ahead.size());
        ArrayNode commits = body.putArray("commits");
        shown.forEach(c -> commits.add(commit(fullName, c)));
        ArrayNode files = body.putArray("files");
        if (page == 1 && !ahead.isEmpty()) {
            files.addObject().put("sha", "bbcd538c8e72b8c175046e27cc8f907076331401").put("filename", "src/Tax.java")
                    .put("status", "modified").put("additions", 3).put("deletions", 1).put("changes", 4)
                    .put("patch", "@@ -1 +1 @@\n-old\n+new");
        }
        return Answer.json(200, body, headers);
    }

    private String links(String fullName, String basehead, int size, int page, int pages) {
        String base = url() + prefix + "/repositories/1296269/compare/" + basehead + "?per_page=" + size + "&page=";
        StringBuilder link = new StringBuilder();
        if (page < pages) {
            link.append('<').append(base).append(page + 1).append(">; rel=\"next\", <").append(base).append(pages)
                    .append(">; rel=\"last\"");
        }
        if (page > 1) {
            link.append(link.length() > 0 ? ", " : "").append('<').append(base).append(1).append(">; rel=\"first\", <")
                    .append(base).append(page - 1).append(">; rel=\"prev\"");
        }
        return link.toString();
    }

    private ObjectNode commit(String fullName, CommitGraph.Commit c) {
        ObjectNode n = object();
        n.put("sha", c.sha());
        n.put("node_id", "C_kwDO" + c.sha().substring(0, 12));
        ObjectNode detail = n.putObject("commit");
        detail.putObject("author").put("name", c.authorName()).put("email", "dev@example.com").put("date", c.at().toString());
        detail.putObject("committer").put("name", "GitHub").put("email", "noreply@github.com").put("date", c.at().toString());
        detail.put("message", c.message());
        detail.putObject("tree").put("sha", c.sha()).put("url", url() + "/git/trees/" + c.sha());
        detail.put("url", url() + prefix + "/repos/" + fullName + "/git/commits/" + c.sha());
        detail.put("comment_count", 0);
        detail.putObject("verification").put("verified", false).put("reason", "unsigned");
        n.put("url", url() + prefix + "/repos/" + fullName + "/commits/" + c.sha());
        n.put("html_url", "https://github.com/" + fullName + "/commit/" + c.sha());
        n.put("comments_url", url() + prefix + "/repos/" + fullName + "/commits/" + c.sha() + "/comments");
        if (c.login() == null) {
            n.putNull("author");
        } else {
            n.putObject("author").put("login", c.login()).put("id", 1).put("type", "User");
        }
        n.putObject("committer").put("login", "web-flow").put("id", 19864447).put("type", "User");
        ArrayNode parents = n.putArray("parents");
        if (c.parent() != null) {
            parents.addObject().put("sha", c.parent()).put("html_url", "https://github.com/" + fullName + "/commit/" + c.parent());
        }
        return n;
    }

    private static ObjectNode error(String message) {
        return object().put("message", message).put("documentation_url",
                "https://docs.github.com/rest/commits/commits#compare-two-commits");
    }
}
