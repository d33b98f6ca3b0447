package dev.envparity.scm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.envparity.config.Repository;
import dev.envparity.report.Pending;
import dev.envparity.state.CompareCache.Answer;
import dev.envparity.testing.CodeHostStandIn.Request;
import dev.envparity.testing.CommitGraph;
import dev.envparity.testing.DemoProfile;
import dev.envparity.testing.GitLabStandIn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The GitLab client against a stand-in that answers like GitLab: encoded project paths, field names, 401, 404, 429. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class GitLabCompareTest {
    private static final String PROJECT = "platform/payments/api";
    private final CommitGraph graph = CommitGraph.linear(60);
    private final GitLabStandIn gitlab = GitLabStandIn.start(ScmTesting.TOKEN).project(PROJECT, graph);

    @AfterEach
    void stop() {
        gitlab.close();
    }

    private CodeHost host(Duration timeout) {
        return ScmTesting.hosts("https://github.invalid", gitlab.apiUrl(), timeout).host(Repository.Host.GITLAB);
    }

    private CodeHost host() {
        return host(Duration.ofSeconds(10));
    }

    @Test
    void comparesBothWaysOnTheEncodedProjectPath() {
        String hotfix = graph.branch(30, 3, "Hotfix");
        Answer a = host().compare(PROJECT, hotfix, graph.at(59));
        assertEquals(Pending.State.DIVERGED, a.status());
        assertEquals(29, a.aheadBy());
        assertEquals(3, a.behindBy());
        assertEquals(Pending.MAX_COMMITS, a.commits().size());
        assertEquals(graph.at(59), a.commits().get(0).sha(), "newest first");
        assertEquals("Change 59 (#1059)", a.commits().get(0).title());
        assertEquals(1059, a.commits().get(0).pullRequest());
        assertEquals("Dev 4", a.commits().get(0).author());
        assertEquals("https://gitlab.example.com/platform/payments/api/-/commit/" + graph.at(59), a.commits().get(0).url());
        assertEquals("https://gitlab.example.com/platform/payments/api/-/compare/" + hotfix + "..." + graph.at(59), a.compareUrl());

        List<Request> calls = gitlab.requests();
        assertEquals(2, calls.size(), "what waits, then what the downstream has that the upstream lacks");
        for (Request r : calls) {
            assertEquals("/api/v4/projects/platform%2Fpayments%2Fapi/repository/compare", r.rawPath());
            assertEquals("false", r.param("straight"));
            assertEquals("Bearer " + ScmTesting.TOKEN, r.header("Authorization"));
        }
        assertEquals(List.of(hotfix, graph.at(59)), List.of(calls.get(0).param("from"), calls.get(0).param("to")));
        assertEquals(List.of(graph.at(59), hotfix), List.of(calls.get(1).param("from"), calls.get(1).param("to")));
    }

    @Test
    void aheadAndBehind() {
        Answer ahead = host().compare(PROJECT, graph.at(50), graph.at(59));
        assertEquals(Pending.State.AHEAD, ahead.status());
        assertEquals(9, ahead.aheadBy());
        Answer behind = host().compare(PROJECT, graph.at(59), graph.at(50));
        assertEquals(Pending.State.BEHIND, behind.status());
        assertEquals(9, behind.behindBy());
        assertEquals(List.of(), behind.commits());
    }

    @Test
    void unknownProjectsAndCommitsAnd401() {
        assertEquals("GitLab does not know platform/nothing or one of the commits " + graph.at(0) + ", " + graph.at(1)
                + " (HTTP 404), or the token cannot see the repository",
                assertThrows(ScmException.class, () -> host().compare("platform/nothing", graph.at(0), graph.at(1))).getMessage());
        assertThrows(ScmException.class, () -> host().compare(PROJECT, "0123456789abcdef", graph.at(1)));
        try (GitLabStandIn other = GitLabStandIn.start("another").project(PROJECT, graph)) {
            CodeHost h = ScmTesting.hosts("https://github.invalid", other.apiUrl(), Duration.ofSeconds(10)).host(Repository.Host.GITLAB);
            assertEquals("GitLab refused the token (HTTP 401); check parity.scm.gitlab.token",
                    assertThrows(ScmException.class, () -> h.compare(PROJECT, graph.at(0), graph.at(1))).getMessage());
        }
    }

    @Test
    void throttledUntilRetryAfter() {
        gitlab.rateLimited();
        CodeHost h = host();
        assertEquals("GitLab's rate limit is used up until 10:00:30 UTC; asked again after that",
                assertThrows(ScmException.class, () -> h.compare(PROJECT, graph.at(0), graph.at(1))).getMessage());
        assertThrows(ScmException.class, () -> h.compare(PROJECT, graph.at(0), graph.at(1)));
        assertEquals(1, gitlab.requests().size(), "Retry-After: 30 said to wait");
    }

    @Test
    void aSlowAnswerEndsAtTheTimeout() {
        gitlab.slow(20_000);
        assertEquals("GitLab did not answer within 300ms",
                assertThrows(ScmException.class, () -> host(Duration.ofMillis(300)).compare(PROJECT, graph.at(0), graph.at(1)))
                        .getMessage());
    }
}
