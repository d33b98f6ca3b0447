package dev.envparity.scm;

import dev.envparity.state.CompareCache;

/** One code host's compare API, as envparity asks it. */
interface CodeHost {

    /**
     * What {@code head} has that {@code base} lacks, and the other way round.
     *
     * @param path the repository, "acme/checkout"
     * @throws ScmException when the host cannot tell, with the reason in one sentence
     */
    CompareCache.Answer compare(String path, String base, String head);
}
