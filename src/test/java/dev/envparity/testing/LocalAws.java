package dev.envparity.testing;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.envparity.aws.AwsClients;
import dev.envparity.config.AwsSettings;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The real AWS SDK clients, pointed at loopback stand-ins and dynalite, with fixed temporary credentials. */
public final class LocalAws {
    public static final String ACCESS_KEY_ID = "ASIAEXAMPLEKEYID";
    public static final String SECRET_ACCESS_KEY = "example/secret/access/key";
    public static final String SESSION_TOKEN = "example-session-token";
    public static final String REGION = "eu-west-1";
    public static final AwsCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsSessionCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN));

    private LocalAws() {
    }

    /** @param endpoints service (dynamodb, lambda, ssm, secretsmanager) to its stand-in's URL */
    public static AwsClients clients(Map<String, String> endpoints) {
        Map<String, URI> uris = new TreeMap<>();
        endpoints.forEach((service, url) -> uris.put(service, URI.create(url)));
        return new AwsClients(new AwsSettings(Optional.of(REGION), uris), CREDENTIALS);
    }
}
