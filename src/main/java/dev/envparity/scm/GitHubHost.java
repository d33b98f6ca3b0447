package dev.envparity.scm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.resteasy.reactive.RestResponse;

import dev.envparity.report.Pending;
import dev.envparity.state.CompareCache.Answer;

/**
 * Compares on GitHub: one call gives the status, the exact counts and the compare page; past the first page (a
 * comparison of more than {@link #PER_PAGE} commits, even past GitHub's 250 without pagination), the last page — and
 * the one before, when the last holds fewer than the commits listed — give the newest commits, found through the
 * {@code Link} header (https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api). Pages
 * list commits oldest first, so at most three calls list the newest of any comparison.
 */
final class GitHubHost implements CodeHost {
    static final int PER_PAGE = 100;
    /** A page number a host sends is bounded, whatever it says (a hostile Link or ahead_by must not overflow). */
    static final int MAX_PAGE = 10_000;
    private static final Pattern LAST = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"last\"");
    private static final Pattern PAGE = Pattern.compile("[?&]page=(\\d+)");

    private final GitHubApi api;
    private final HostCalls calls;

    GitHubHost(GitHubApi api, HostCalls calls) {
        this.api = api;
        this.calls = calls;
    }

    @Override
    public Answer compare(String path, String base, String head) {
        String[] ownerRepo = path.split("/", 2);
        String what = path + " or one of the commits " + base + ", " + head;
        RestResponse<GitHubComparison> first = calls.call(() -> api.compare(ownerRepo[0], ownerRepo[1], base + "..." + head,
                PER_PAGE, 1), what);
        GitHubComparison c = first.getEntity();
        List<GitHubComparison.Commit> oldestFirst = c.commits() == null ? List.of() : c.commits();
        if (c.aheadBy() > oldestFirst.size()) {
            int last = lastPage(first).orElse((int) Math.min(MAX_PAGE, ((long) c.aheadBy() + PER_PAGE - 1) / PER_PAGE));
            List<GitHubComparison.Commit> tail = new ArrayList<>(page(ownerRepo, base, head, last, what));
            if (tail.size() < Pending.MAX_COMMITS && last > 2) {
                tail.addAll(0, page(ownerRepo, base, head, last - 1, what));
            } else if (tail.size() < Pending.MAX_COMMITS && last == 2) {
                tail.addAll(0, oldestFirst);
            }
            oldestFirst = tail;
        }
        List<Pending.Commit> newest = new ArrayList<>();
        for (int i = oldestFirst.size() - 1; i >= 0 && newest.size() < Pending.MAX_COMMITS; i--) {
            newest.add(commit(oldestFirst.get(i)));
        }
        return new Answer(state(c), c.aheadBy(), c.behindBy(), newest, c.htmlUrl());
    }

    private List<GitHubComparison.Commit> page(String[] ownerRepo, String base, String head, int page, String what) {
        List<GitHubComparison.Commit> commits = calls.call(() -> api.compare(ownerRepo[0], ownerRepo[1], base + "..." + head,
                PER_PAGE, page), what).getEntity().commits();
        return commits == null ? List.of() : commits;
    }

    /** The page number of {@code rel="last"} in the Link header. */
    private static Optional<Integer> lastPage(RestResponse<?> answer) {
        String link = answer.getHeaderString("Link");
        if (link == null) {
            return Optional.empty();
        }
        Matcher last = LAST.matcher(link);
        if (!last.find()) {
            return Optional.empty();
        }
        Matcher page = PAGE.matcher(last.group(1));
        if (!page.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of((int) Math.max(1, Math.min(MAX_PAGE, Long.parseLong(page.group(1)))));
        } catch (NumberFormatException tooLong) {
            return Optional.of(MAX_PAGE);
        }
    }

    private static Pending.State state(GitHubComparison c) {
        if (c.status() != null) {
            for (Pending.State s : Pending.State.values()) {
                if (s.id().equals(c.status())) {
                    return s;
                }
            }
        }
        return Pending.State.of(c.aheadBy(), c.behindBy());
    }

    private static Pending.Commit commit(GitHubComparison.Commit c) {
        String title = PullRequests.title(c.commit() == null ? null : c.commit().message());
        String author = c.commit() != null && c.commit().author() != null && c.commit().author().name() != null
                ? c.commit().author().name()
                : c.author() != null ? c.author().login() : null;
        return new Pending.Commit(c.sha(), title, author, c.htmlUrl(), PullRequests.number(title));
    }
}
