package dev.envparity.compare;

import static dev.envparity.compare.VersionOrder.Relation.AHEAD;
import static dev.envparity.compare.VersionOrder.Relation.BEHIND;
import static dev.envparity.compare.VersionOrder.Relation.SAME;
import static dev.envparity.compare.VersionOrder.Relation.SAME_RELEASE_DIFFERENT_BUILD;
import static dev.envparity.compare.VersionOrder.Relation.UNORDERED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.envparity.compare.VersionOrder.Relation;

class VersionOrderTest {

    /** semver.org §11's example chain, each strictly below the next. */
    @Test
    void semverPrecedenceChain() {
        List<String> chain = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1");
        for (int i = 0; i < chain.size(); i++) {
            for (int j = 0; j < chain.size(); j++) {
                Relation expected = i == j ? SAME : i > j ? AHEAD : BEHIND;
                assertEquals(expected, VersionOrder.compare(chain.get(i), chain.get(j)), chain.get(i) + " vs " + chain.get(j));
            }
        }
    }

    @ParameterizedTest(name = "{0} vs {1} → {2}")
    @CsvSource(textBlock = """
            2.4.0,                 2.3.1,                 AHEAD
            2.10.0,                2.9.9,                 AHEAD
            v1.2.3,                1.2.3,                 SAME
            V1.2.3,                v1.2.4,                BEHIND
            1.0.0+20130313144700,  1.0.0+exp.sha.5114f85, SAME_RELEASE_DIFFERENT_BUILD
            1.0.0+build.1,         1.0.0+build.1,         SAME
            1.0.0-rc.1+build.1,    1.0.0,                 BEHIND
            1.8.2-SNAPSHOT,        1.8.2,                 BEHIND
            1.8.2-SNAPSHOT,        1.8.1,                 AHEAD
            1.0-rc1,               1.0,                   BEHIND
            1.0-alpha-1,           1.0-beta-1,            BEHIND
            1.0-m2,                1.0-rc1,               BEHIND
            1.0.Final,             1.0,                   SAME
            1.0,                   1.0.0,                 SAME
            1.0-sp1,               1.0,                   AHEAD
            1.0.1,                 1.0-rc,                AHEAD
            2025.06.01,            2025.05.30,            AHEAD
            24.04,                 24.10,                 BEHIND
            2020.0.0-RC2,          2020.0.0,              BEHIND
            1.8.2.4711,            1.8.2.4699,            AHEAD
            20250601.1523,         20250601.0910,         AHEAD
            build-4711,            build-4712,            BEHIND
            release-2.3,           release-2.10,          BEHIND
            v1.8.2-14-g9f1c2ab,    v1.8.2,                AHEAD
            v1.8.2-14-g9f1c2ab,    v1.8.2-3-gabcdef0,     AHEAD
            v1.8.2-14-g9f1c2ab,    v1.8.3,                BEHIND
            v1.8.2-14-g9f1c2ab,    v1.8.2-14-g0123abc,    UNORDERED
            v1.8.2-14-g9f1c2ab,    1.8.2-14-g9f1c2ab0e5d6, SAME
            9f1c2ab,               9f1c2ab0e5d6c7b8a9f0e1d2c3b4a5968778695a, SAME
            9F1C2AB,               9f1c2ab,               SAME
            9f1c2ab,               abc1234,               UNORDERED
            9f1c2ab,               1.2.3,                 UNORDERED
            latest,                latest,                UNORDERED
            dev,                   1.2.3,                 UNORDERED
            feature-login,         2.4.0,                 UNORDERED
            build-4711,            release-4712,          UNORDERED
            1.0-1,                 1.0.1,                 BEHIND
            1-1,                   1.1,                   BEHIND
            1.0.0.1,               1.0.0-1,               AHEAD
            2.3.4_1,               2.3.4.1,               BEHIND
            """)
    void relations(String a, String b, Relation expected) {
        assertEquals(expected, VersionOrder.compare(a, b));
    }

    @Test
    void emptyIsOpaque() {
        assertEquals(UNORDERED, VersionOrder.compare("", ""));
        assertEquals(SAME_RELEASE_DIFFERENT_BUILD, VersionOrder.compare("1.0.0+a", "1.0.0+b"));
    }
}
