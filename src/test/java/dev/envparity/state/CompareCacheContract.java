package dev.envparity.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.envparity.report.Pending;
import dev.envparity.state.CompareCache.Answer;
import dev.envparity.state.CompareCache.Key;

/**
 * What every {@link CompareCache} promises (memory, file, DynamoDB): an answer is found again under exactly the
 * repository and commits it was learnt for, whole — the exact counts, the newest commits with their untrusted titles,
 * the compare page — and a later answer replaces an earlier one. A store's test implements this interface and
 * inherits the tests.
 */
public interface CompareCacheContract {

    /** A new, empty cache. */
    CompareCache compareCache();

    Key KEY = new Key("github:acme/checkout", "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d", "4f2a9c1");

    static Answer answer(int aheadBy, int behindBy) {
        List<Pending.Commit> commits = new ArrayList<>();
        for (int i = 0; i < Math.min(aheadBy, 25); i++) {
            commits.add(new Pending.Commit(String.format("%040x", i + 1), "Fix tax rounding " + i + " (#" + (480 - i) + ")",
                    "Ana Ruiz", "https://github.com/acme/checkout/commit/" + String.format("%040x", i + 1), 480 - i));
        }
        commits.add(0, new Pending.Commit("f".repeat(40), "<!channel> ünïcödé \u202E\u001b[2J @here", "Mallory\r\nEve",
                "https://github.com/acme/checkout/commit/" + "f".repeat(40), null));
        return new Answer(Pending.State.of(aheadBy, behindBy), aheadBy, behindBy, commits,
                "https://github.com/acme/checkout/compare/9e8d7c6...4f2a9c1");
    }

    @Test
    default void anAnswerIsFoundAgainWholeUnderItsRepositoryAndCommitsOnly() {
        CompareCache cache = compareCache();
        assertEquals(Optional.empty(), cache.compared(KEY));
        Answer answer = answer(300, 2);
        cache.remember(KEY, answer);
        assertEquals(Optional.of(answer), cache.compared(KEY));
        assertEquals(Pending.MAX_COMMITS, cache.compared(KEY).orElseThrow().commits().size(), "the newest 20, the count exact");
        assertEquals(300, cache.compared(KEY).orElseThrow().aheadBy());

        assertEquals(Optional.empty(), cache.compared(new Key("github:acme/payments", KEY.base(), KEY.head())));
        assertEquals(Optional.empty(), cache.compared(new Key(KEY.repository(), KEY.head(), KEY.base())),
                "base and head swapped is another comparison");
        assertEquals(Optional.empty(), cache.compared(new Key("gitlab:acme/checkout", KEY.base(), KEY.head())));
    }

    @Test
    default void commitsAreMatchedWhateverTheirCase() {
        CompareCache cache = compareCache();
        cache.remember(KEY, answer(3, 0));
        assertTrue(cache.compared(new Key(KEY.repository(), KEY.base().toUpperCase(), " 4F2A9C1 ")).isPresent());
    }

    @Test
    default void aLaterAnswerReplacesAnEarlierOne() {
        CompareCache cache = compareCache();
        cache.remember(KEY, answer(3, 0));
        cache.remember(KEY, answer(4, 1));
        assertEquals(Optional.of(answer(4, 1)), cache.compared(KEY));
    }

    @Test
    default void identicalAndBehindAnswersWithoutCommitsAreKeptToo() {
        CompareCache cache = compareCache();
        Answer behind = new Answer(Pending.State.BEHIND, 0, 2, List.of(), "https://gitlab.com/acme/shop/-/compare/a...b");
        Key other = new Key("gitlab:acme/platform/shop", "aaaaaaa", "bbbbbbb");
        cache.remember(other, behind);
        assertEquals(Optional.of(behind), cache.compared(other));
    }
}
