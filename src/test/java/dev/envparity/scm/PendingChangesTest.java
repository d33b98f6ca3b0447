package dev.envparity.scm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.envparity.config.CheckPlan;
import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.Health;
import dev.envparity.report.Pending;
import dev.envparity.state.CompareCache;
import dev.envparity.state.FileCompareCache;
import dev.envparity.state.MemoryStateStore;
import dev.envparity.testing.CommitGraph;
import dev.envparity.testing.DemoProfile;
import dev.envparity.testing.GitHubStandIn;
import dev.envparity.testing.GitLabStandIn;
import dev.envparity.testing.TestPlans;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Which pairs are compared, how often the hosts are asked (once per comparison, then never again: the cache), and
 * that a host that fails or hangs costs the check nothing beyond {@code parity.scm.timeout}.
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
class PendingChangesTest {
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private final CommitGraph graph = CommitGraph.linear(40);
    private final GitHubStandIn github = GitHubStandIn.start(ScmTesting.TOKEN).repository("acme/shop", graph);
    private final GitLabStandIn gitlab = GitLabStandIn.start(ScmTesting.TOKEN).project("acme/platform/ledger", graph);

    @TempDir
    Path folder;

    @AfterEach
    void stop() {
        github.close();
        gitlab.close();
    }

    private static CheckPlan plan(String... repositories) {
        Map<String, String> p = new HashMap<>();
        p.put("parity.environments", "dev,staging,production");
        for (int i = 0; i < repositories.length; i += 2) {
            String name = repositories[i];
            for (String env : List.of("dev", "staging", "production")) {
                p.put("parity.services." + name + ".urls." + env, "http://127.0.0.1:1/" + name + "/" + env);
            }
            if (!repositories[i + 1].isEmpty()) {
                p.put("parity.services." + name + ".repository", repositories[i + 1]);
            }
        }
        return TestPlans.plan(p);
    }

    private static EnvironmentReport env(String commit) {
        return new EnvironmentReport(commit == null ? Health.UNKNOWN : Health.UP, "1.0.0", commit, null, 10,
                commit == null ? "timed out after 5s" : null, Map.of(), Map.of(), Map.of(), "http://h/health", "http://h/info");
    }

    private static Map<String, EnvironmentReport> envs(String dev, String staging, String production) {
        Map<String, EnvironmentReport> m = new LinkedHashMap<>();
        m.put("dev", env(dev));
        m.put("staging", env(staging));
        m.put("production", env(production));
        return m;
    }

    private PendingChanges pending(CompareCache cache, Duration timeout) {
        return new PendingChanges(ScmTesting.hosts(github.apiUrl(), gitlab.apiUrl(), timeout), cache);
    }

    @Test
    void eachAdjacentPairWhoseCommitsDifferIsComparedDownstreamToUpstream() {
        CheckPlan plan = plan("shop", "github:acme/shop", "ledger", "gitlab:acme/platform/ledger", "plain", "");
        Map<String, Map<String, EnvironmentReport>> results = Map.of(
                "shop", envs(graph.at(39), graph.at(30), graph.at(25).substring(0, 7)),
                "ledger", envs(graph.at(39), graph.at(39).substring(0, 7), graph.at(38)),
                "plain", envs(graph.at(39), graph.at(30), graph.at(20)));
        Map<String, List<Pending>> found = pending(new MemoryStateStore(), Duration.ofSeconds(10)).lookUp(plan.services(), results);

        assertEquals(List.of("ledger", "shop"), List.copyOf(found.keySet()), "a service without a repository is not compared");
        List<Pending> shop = found.get("shop");
        assertEquals(2, shop.size());
        assertEquals(List.of("dev", "staging", 9), List.of(shop.get(0).from(), shop.get(0).to(), shop.get(0).aheadBy()));
        assertEquals(List.of("staging", "production", 5), List.of(shop.get(1).from(), shop.get(1).to(), shop.get(1).aheadBy()));
        assertEquals(graph.at(30), shop.get(1).commits().get(0).sha(), "head = the upstream commit");
        List<Pending> ledger = found.get("ledger");
        assertEquals(1, ledger.size(), "7 digits name the same commit as 40");
        assertEquals(List.of("staging", "production", Pending.State.AHEAD, 1), List.of(ledger.get(0).from(), ledger.get(0).to(),
                ledger.get(0).status(), ledger.get(0).aheadBy()));
    }

    @Test
    void onlyGitObjectIdsAreSentToTheHostAndAnUnreachableEnvironmentHasNone() {
        CheckPlan plan = plan("shop", "github:acme/shop");
        Map<String, List<Pending>> found = pending(new MemoryStateStore(), Duration.ofSeconds(10)).lookUp(plan.services(),
                Map.of("shop", envs("main", "v1.2.3\r\nX-Evil: 1", null)));
        assertEquals(Map.of(), found);
        assertEquals(List.of(), github.requests());
    }

    @Test
    void aComparisonIsAskedOncePerRunAndNeverAgainAcrossRuns() {
        CheckPlan plan = plan("web", "github:acme/shop", "worker", "github:acme/shop");
        Map<String, Map<String, EnvironmentReport>> results = Map.of("web", envs(graph.at(39), graph.at(30), graph.at(25)),
                "worker", envs(graph.at(39), graph.at(30), graph.at(25)));
        PendingChanges pending = pending(new MemoryStateStore(), Duration.ofSeconds(10));
        Map<String, List<Pending>> first = pending.lookUp(plan.services(), results);
        assertEquals(2, github.requests().size(), "two comparisons, shared by two services of one repository");

        github.forget();
        Map<String, List<Pending>> second = pending.lookUp(plan.services(), results);
        assertEquals(List.of(), github.requests(), "the second run makes no API call");
        assertEquals(first, second);
    }

    @Test
    void theCliKeepsItsComparisonsInAFileBetweenRuns() {
        CheckPlan plan = plan("shop", "github:acme/shop", "ledger", "gitlab:acme/platform/ledger");
        Map<String, Map<String, EnvironmentReport>> results = Map.of("shop", envs(graph.at(39), graph.at(30), graph.at(25)),
                "ledger", envs(graph.at(39), graph.at(39), graph.at(38)));
        Path file = FileCompareCache.beside(folder.resolve("state.json"));
        Map<String, List<Pending>> first = pending(new FileCompareCache(file, JSON), Duration.ofSeconds(10))
                .lookUp(plan.services(), results);
        assertEquals(2, github.requests().size());
        assertEquals(2, gitlab.requests().size());

        github.forget();
        gitlab.forget();
        // A new process: new clients, a new cache object on the same file.
        Map<String, List<Pending>> second = pending(new FileCompareCache(file, JSON), Duration.ofSeconds(10))
                .lookUp(plan.services(), results);
        assertEquals(List.of(), github.requests());
        assertEquals(List.of(), gitlab.requests());
        assertEquals(first, second);
    }

    @Test
    void aHangingHostCostsTheRunItsTimeoutAndLeavesAnErrorOnEveryPair() {
        github.hang();
        String[] services = new String[16];
        Map<String, Map<String, EnvironmentReport>> results = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            services[2 * i] = "svc" + i;
            services[2 * i + 1] = "github:acme/shop";
            results.put("svc" + i, envs(graph.at(39), graph.at(30 - i), graph.at(20 - i)));
        }
        Map<String, List<Pending>> found = pending(new MemoryStateStore(), Duration.ofMillis(800))
                .lookUp(plan(services).services(), results);
        assertEquals(8, found.size());
        found.values().stream().flatMap(List::stream).forEach(p -> {
            assertEquals("GitHub did not answer within 800ms", p.error());
            assertNull(p.status());
            assertNull(p.aheadBy());
        });
        assertTrue(github.requests().size() <= PendingChanges.CONCURRENT_CALLS, "a few at a time: " + github.requests().size());
    }

    @Test
    void failuresAreNotCachedSoTheNextRunAsksAgain() {
        github.remaining(0);
        CheckPlan plan = plan("shop", "github:acme/shop");
        Map<String, Map<String, EnvironmentReport>> results = Map.of("shop", envs(graph.at(30), graph.at(30), graph.at(25)));
        MemoryStateStore cache = new MemoryStateStore();
        Pending failed = pending(cache, Duration.ofSeconds(10)).lookUp(plan.services(), results).get("shop").get(0);
        assertEquals("GitHub's rate limit is used up until 11:00:00 UTC; asked again after that", failed.error());

        github.remaining(100);
        Pending answered = pending(cache, Duration.ofSeconds(10)).lookUp(plan.services(), results).get("shop").get(0);
        assertEquals(5, answered.aheadBy());
    }

    @Test
    void whatADeployShippedIsTheComparisonOfTheEnvironmentsOldAndNewCommit() {
        CheckPlan plan = plan("shop", "github:acme/shop");
        PendingChanges pending = pending(new MemoryStateStore(), Duration.ofSeconds(10));
        Pending shipped = pending.shipped(plan.services().get(0), "production", graph.at(25), graph.at(30)).orElseThrow();
        assertEquals(5, shipped.aheadBy());
        assertEquals(graph.at(30), shipped.commits().get(0).sha());
        assertEquals(Optional.empty(), pending.shipped(plan.services().get(0), "production", graph.at(30), graph.at(30)));
        assertEquals(Optional.empty(), pending.shipped(plan.services().get(0), "production", null, graph.at(30)));
    }
}
