package dev.envparity.hooks;

import java.util.List;

/**
 * What a deploy tool says happened, in its own names; {@link ServiceDirectory} maps it to ours.
 *
 * @param names candidate service names, most specific first ("acme/checkout", "checkout")
 * @param environment the deploy tool's environment name
 * @param tier a second environment hint (GitLab's environment_tier); may be null
 * @param version may be null
 * @param commit may be null
 */
public record DeployNotice(String source, List<String> names, String environment, String tier, String version,
        String commit) {
}
