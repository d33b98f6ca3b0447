package dev.envparity.aws;

import java.util.Optional;

/**
 * Credentials as Lambda provides them: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN in the
 * environment (or the aws.accessKeyId / aws.secretAccessKey / aws.sessionToken system properties the AWS SDKs
 * also read). Never printed.
 */
public record AwsCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {

    public static Optional<AwsCredentials> fromEnvironment() {
        String id = value("AWS_ACCESS_KEY_ID", "aws.accessKeyId");
        String secret = value("AWS_SECRET_ACCESS_KEY", "aws.secretAccessKey");
        if (id == null || secret == null) {
            return Optional.empty();
        }
        return Optional.of(new AwsCredentials(id, secret, value("AWS_SESSION_TOKEN", "aws.sessionToken")));
    }

    static String value(String env, String property) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? null : v;
    }

    @Override
    public String toString() {
        return "AwsCredentials[" + accessKeyId.substring(0, Math.min(4, accessKeyId.length())) + "…]";
    }
}
