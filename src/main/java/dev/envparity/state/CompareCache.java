package dev.envparity.state;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.envparity.report.Pending;

/**
 * What a code host answered about two commits, so that a run every 15 minutes asks again only when a commit changes.
 * A comparison of two commits never changes (commits are immutable), so answers are kept until the store makes room.
 * A cache that cannot be read or written is a cache miss, never a failed check: implementations log and carry on.
 * Implementations: memory (server), a file beside the state file (CLI), DynamoDB (Lambda).
 */
public interface CompareCache {

    /** The answer kept for this comparison, or empty. */
    Optional<Answer> compared(Key key);

    /** Keeps {@code answer}, replacing what was kept under the key. */
    void remember(Key key, Answer answer);

    /**
     * @param repository "github:acme/checkout"
     * @param base the downstream commit, as the service reports it
     * @param head the upstream commit
     */
    record Key(String repository, String base, String head) {
        public Key {
            base = base.strip().toLowerCase(Locale.ROOT);
            head = head.strip().toLowerCase(Locale.ROOT);
        }

        /** One string for stores keyed by text: "github:acme/checkout@9e8d7c6...4f2a9c1". */
        public String id() {
            return repository + "@" + base + "..." + head;
        }
    }

    /**
     * The host's answer, independent of which environments run the two commits.
     *
     * @param commits the newest first, at most {@link Pending#MAX_COMMITS}
     */
    record Answer(Pending.State status, int aheadBy, int behindBy, List<Pending.Commit> commits, String compareUrl) {
        public Answer {
            commits = List.copyOf(commits.subList(0, Math.min(Pending.MAX_COMMITS, commits.size())));
        }

        /** The answer about the pair {@code from} → {@code to}. */
        public Pending between(String from, String to) {
            return Pending.of(from, to, status, aheadBy, behindBy, commits, compareUrl);
        }
    }
}
