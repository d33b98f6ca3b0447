package dev.envparity.scm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.envparity.config.Repository;
import dev.envparity.report.Pending;
import dev.envparity.state.CompareCache.Answer;
import dev.envparity.testing.CodeHostStandIn.Request;
import dev.envparity.testing.CommitGraph;
import dev.envparity.testing.DemoProfile;
import dev.envparity.testing.GitHubStandIn;
import dev.envparity.testing.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The GitHub client against a stand-in that answers like GitHub: field names, pages with Link headers, rate limits,
 * 401 and 404, slow answers. (A Quarkus test: the typed REST client needs the running application.)
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
class GitHubCompareTest {
    private final CommitGraph graph = CommitGraph.linear(301);
    private final GitHubStandIn github = GitHubStandIn.start(ScmTesting.TOKEN).repository("acme/checkout", graph);

    @AfterEach
    void stop() {
        github.close();
    }

    private CodeHost host(Duration timeout) {
        return ScmTesting.hosts(github.apiUrl(), "https://gitlab.invalid/api/v4", timeout).host(Repository.Host.GITHUB);
    }

    private CodeHost host() {
        return host(Duration.ofSeconds(10));
    }

    @Test
    void aComparisonOf300CommitsListsTheNewestTwentyWithTheExactCountInTwoCalls() {
        Answer a = host().compare("acme/checkout", graph.at(0), graph.at(300));
        assertEquals(Pending.State.AHEAD, a.status());
        assertEquals(300, a.aheadBy());
        assertEquals(0, a.behindBy());
        assertEquals(Pending.MAX_COMMITS, a.commits().size());
        for (int i = 0; i < Pending.MAX_COMMITS; i++) {
            Pending.Commit c = a.commits().get(i);
            assertEquals(graph.at(300 - i), c.sha(), "newest first");
            assertEquals("Change " + (300 - i) + " (#" + (1300 - i) + ")", c.title());
            assertEquals(1300 - i, c.pullRequest(), "from the squash title");
            assertEquals("https://github.com/acme/checkout/commit/" + graph.at(300 - i), c.url());
        }
        assertEquals("Dev 0", a.commits().get(0).author());
        assertEquals("https://github.com/acme/checkout/compare/" + graph.at(0) + "..." + graph.at(300), a.compareUrl());

        List<Request> calls = github.requests();
        assertEquals(List.of("1", "3"), calls.stream().map(r -> r.param("page")).toList(), "the first page, then the last (Link)");
        for (Request r : calls) {
            assertEquals("/repos/acme/checkout/compare/" + graph.at(0) + "..." + graph.at(300), r.rawPath());
            assertEquals("100", r.param("per_page"));
            assertEquals("Bearer " + ScmTesting.TOKEN, r.header("Authorization"));
            assertEquals("application/vnd.github+json", r.header("Accept"));
            assertEquals("2022-11-28", r.header("X-GitHub-Api-Version"));
            assertEquals("envparity", r.header("User-Agent"));
        }
    }

    @Test
    void whenTheLastPageHoldsFewerThanTwentyThePageBeforeCompletesTheList() {
        Answer a = host().compare("acme/checkout", graph.at(95), graph.at(300));
        assertEquals(205, a.aheadBy());
        assertEquals(List.of(graph.at(300), graph.at(299)), a.commits().subList(0, 2).stream().map(Pending.Commit::sha).toList());
        assertEquals(graph.at(281), a.commits().get(19).sha());
        assertEquals(List.of("1", "3", "2"), github.requests().stream().map(r -> r.param("page")).toList());
    }

    @Test
    void aSmallComparisonIsOneCall() {
        Answer a = host().compare("acme/checkout", graph.at(290).substring(0, 7), graph.at(300).substring(0, 12));
        assertEquals(10, a.aheadBy());
        assertEquals(10, a.commits().size());
        assertEquals(1, github.requests().size());
    }

    @Test
    void aDivergedPairCountsBothWays() {
        String hotfix = graph.branch(250, 2, "Hotfix: tax rounding");
        Answer a = host().compare("acme/checkout", hotfix, graph.at(300));
        assertEquals(Pending.State.DIVERGED, a.status());
        assertEquals(50, a.aheadBy());
        assertEquals(2, a.behindBy(), "production has 2 commits that staging lacks");

        Answer behind = host().compare("acme/checkout", hotfix, graph.at(250));
        assertEquals(Pending.State.BEHIND, behind.status());
        assertEquals(0, behind.aheadBy());
        assertEquals(2, behind.behindBy());
        assertEquals(List.of(), behind.commits());
    }

    @Test
    void mergeTitlesNameTheirPullRequest() {
        String merge = graph.commit("Merge pull request #481 from acme/fix-tax\n\nFix tax rounding", "Ana Ruiz");
        String plain = graph.commit("Bump version", "Release Bot");
        Answer a = host().compare("acme/checkout", graph.at(300), plain);
        assertEquals(List.of("Bump version", "Merge pull request #481 from acme/fix-tax"),
                a.commits().stream().map(Pending.Commit::title).toList());
        assertNull(a.commits().get(0).pullRequest());
        assertEquals(481, a.commits().get(1).pullRequest());
        assertEquals(merge, a.commits().get(1).sha());
    }

    @Test
    void anUnknownRepositoryOrCommitIsA404Sentence() {
        ScmException repo = assertThrows(ScmException.class, () -> host().compare("acme/nothing", graph.at(0), graph.at(1)));
        assertEquals("GitHub does not know acme/nothing or one of the commits " + graph.at(0) + ", " + graph.at(1)
                + " (HTTP 404), or the token cannot see the repository", repo.getMessage());
        assertThrows(ScmException.class, () -> host().compare("acme/checkout", "deadbeefdeadbeef", graph.at(1)));
    }

    @Test
    void aRefusedTokenNamesTheKeyNeverTheToken() {
        try (GitHubStandIn other = GitHubStandIn.start("another-token").repository("acme/checkout", graph);
                LogCapture logs = LogCapture.start()) {
            CodeHost h = ScmTesting.hosts(other.apiUrl(), "https://gitlab.invalid/api/v4", Duration.ofSeconds(10))
                    .host(Repository.Host.GITHUB);
            ScmException e = assertThrows(ScmException.class, () -> h.compare("acme/checkout", graph.at(0), graph.at(1)));
            assertEquals("GitHub refused the token (HTTP 401); check parity.scm.github.token", e.getMessage());
            assertTrue(logs.lines(Level.ALL).stream().noneMatch(l -> l.contains(ScmTesting.TOKEN)), logs.lines(Level.ALL).toString());
        }
    }

    @Test
    void aUsedUpRateLimitIsRespectedUntilItsReset() {
        github.remaining(1);
        CodeHost h = host();
        assertEquals(1, h.compare("acme/checkout", graph.at(299), graph.at(300)).aheadBy(), "the last call of the hour");
        ScmException e = assertThrows(ScmException.class, () -> h.compare("acme/checkout", graph.at(298), graph.at(300)));
        assertEquals("GitHub's rate limit is used up until 11:00:00 UTC; asked again after that", e.getMessage());
        assertEquals(1, github.requests().size(), "x-ratelimit-remaining: 0 said not to ask before the reset");
    }

    @Test
    void aRateLimit403IsNotAnAccessProblem() {
        github.remaining(0);
        CodeHost h = host();
        ScmException e = assertThrows(ScmException.class, () -> h.compare("acme/checkout", graph.at(299), graph.at(300)));
        assertEquals("GitHub's rate limit is used up until 11:00:00 UTC; asked again after that", e.getMessage());
        assertThrows(ScmException.class, () -> h.compare("acme/checkout", graph.at(298), graph.at(300)));
        assertEquals(1, github.requests().size());
    }

    @Test
    void aSecondaryRateLimitWaitsForRetryAfter() {
        github.secondaryLimit();
        CodeHost h = host();
        ScmException e = assertThrows(ScmException.class, () -> h.compare("acme/checkout", graph.at(299), graph.at(300)));
        assertEquals("GitHub's rate limit is used up until 10:01:00 UTC; asked again after that", e.getMessage());
        assertThrows(ScmException.class, () -> h.compare("acme/checkout", graph.at(299), graph.at(300)));
        assertEquals(1, github.requests().size());
    }

    @Test
    void aSlowAnswerEndsAtTheTimeout() {
        github.slow(20_000);
        ScmException e = assertThrows(ScmException.class,
                () -> host(Duration.ofMillis(500)).compare("acme/checkout", graph.at(299), graph.at(300)));
        assertEquals("GitHub did not answer within 500ms", e.getMessage());
    }

    @Test
    void gitHubEnterpriseServerAnswersUnderApiV3() {
        try (GitHubStandIn ghes = GitHubStandIn.enterprise(ScmTesting.TOKEN).repository("platform/checkout", graph)) {
            CodeHost h = ScmTesting.hosts(ghes.apiUrl(), "https://gitlab.invalid/api/v4", Duration.ofSeconds(10))
                    .host(Repository.Host.GITHUB);
            assertEquals(3, h.compare("platform/checkout", graph.at(297), graph.at(300)).aheadBy());
            assertEquals("/api/v3/repos/platform/checkout/compare/" + graph.at(297) + "..." + graph.at(300),
                    ghes.requests().get(0).rawPath());
            assertFalse(ghes.requests().isEmpty());
        }
    }
}
