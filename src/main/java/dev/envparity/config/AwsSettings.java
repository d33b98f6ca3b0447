package dev.envparity.config;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * How envparity reaches AWS (the DynamoDB store, Lambda self-invocation; secret references read the same keys while
 * the configuration loads, through {@link #of}).
 *
 * @param region empty for the AWS SDK's default region chain (AWS_REGION, the profile's region, instance metadata)
 * @param endpoints per AWS service (dynamodb, lambda, ssm, secretsmanager): private endpoints, or stand-ins in tests.
 *        Without one the SDK's own resolution applies, AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_&lt;SERVICE&gt; included.
 */
public record AwsSettings(Optional<String> region, Map<String, URI> endpoints) {
    /** The services envparity calls itself; STS (web identity, assume-role) is the SDK's: AWS_ENDPOINT_URL_STS. */
    public static final List<String> SERVICES = List.of("dynamodb", "lambda", "secretsmanager", "ssm");
    // Region names: https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z0-9]+)+-[0-9]+");

    static AwsSettings resolve(ParityConfig.Aws aws, Problems problems) {
        return of(aws.region(), aws.endpoints(), problems::add);
    }

    /** The checks, for {@link ParityConfig.Aws} and for the raw values the secret references read. */
    public static AwsSettings of(Optional<String> region, Map<String, String> endpoints, Consumer<String> problems) {
        Map<String, URI> checked = new TreeMap<>();
        endpoints.forEach((service, url) -> {
            String key = "parity.aws.endpoints." + service;
            if (!SERVICES.contains(service)) {
                problems.accept(key + ": unknown service; use one of " + SERVICES + " (AWS_ENDPOINT_URL_STS sets STS's)");
                return;
            }
            try {
                URI uri = URI.create(url.strip());
                if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                    problems.accept(key + ": must be an http:// or https:// URL");
                } else {
                    checked.put(service, uri);
                }
            } catch (IllegalArgumentException e) {
                problems.accept(key + ": not a valid URL");
            }
        });
        Optional<String> r = region.map(String::strip).filter(s -> !s.isEmpty());
        if (r.isPresent() && !REGION.matcher(r.get()).matches()) {
            problems.accept("parity.aws.region: not an AWS region name (like eu-west-1)");
        }
        return new AwsSettings(r, checked);
    }
}
