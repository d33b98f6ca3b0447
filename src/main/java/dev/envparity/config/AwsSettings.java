package dev.envparity.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How envparity reaches AWS (the DynamoDB store, Lambda self-invocation; secret references read the same keys while
 * the configuration loads).
 *
 * @param region empty for the default (AWS_REGION)
 * @param endpoints per AWS service (dynamodb, lambda, ssm, secretsmanager): private endpoints, or stand-ins in tests
 */
public record AwsSettings(Optional<String> region, Map<String, URI> endpoints) {

    static AwsSettings resolve(ParityConfig.Aws aws, Problems problems) {
        Map<String, URI> endpoints = new TreeMap<>();
        aws.endpoints().forEach((service, url) -> {
            try {
                URI uri = URI.create(url.strip());
                if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                    problems.add("parity.aws.endpoints." + service + ": must be an http:// or https:// URL");
                } else {
                    endpoints.put(service, uri);
                }
            } catch (IllegalArgumentException e) {
                problems.add("parity.aws.endpoints." + service + ": not a valid URL");
            }
        });
        return new AwsSettings(aws.region().filter(r -> !r.isBlank()), endpoints);
    }
}
