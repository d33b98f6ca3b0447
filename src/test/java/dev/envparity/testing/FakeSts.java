package dev.envparity.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.envparity.testing.StubServer.Reply;

/**
 * A loopback stand-in for STS AssumeRoleWithWebIdentity, the call the SDK's web identity provider makes with
 * {@code AWS_WEB_IDENTITY_TOKEN_FILE} and {@code AWS_ROLE_ARN} (GitHub Actions OIDC, EKS IRSA): the query protocol, a
 * form-encoded POST that is not signed (the token is the proof), answered in XML
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html). It hands out the given
 * temporary credentials for the one role and token it knows, and answers other tokens as STS does.
 */
public final class FakeSts implements AutoCloseable {
    private static final String XML = "text/xml";
    private final StubServer server = StubServer.http();

    public FakeSts(String roleArn, String token, String accessKeyId, String secretAccessKey, String sessionToken) {
        server.on("/", request -> {
            Map<String, String> form = form(request.body());
            if (request.header("Authorization") != null) {
                return error(400, "IncompleteSignature", "AssumeRoleWithWebIdentity is not signed");
            }
            if (!"AssumeRoleWithWebIdentity".equals(form.get("Action")) || !"2011-06-15".equals(form.get("Version"))) {
                return error(400, "InvalidAction", "Could not find operation " + form.get("Action"));
            }
            if (!token.equals(form.get("WebIdentityToken"))) {
                return error(400, "InvalidIdentityToken", "Couldn't retrieve verification key from your identity provider");
            }
            if (!roleArn.equals(form.get("RoleArn"))) {
                return error(403, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity");
            }
            String expiration = Clock.systemUTC().instant().plus(Duration.ofHours(1)).toString();
            return Reply.of(200, XML, "<AssumeRoleWithWebIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                    + "<AssumeRoleWithWebIdentityResult>"
                    + "<SubjectFromWebIdentityToken>repo:acme/envparity:ref:refs/heads/main</SubjectFromWebIdentityToken>"
                    + "<Audience>sts.amazonaws.com</Audience>"
                    + "<AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/envparity-ci/" + form.get("RoleSessionName")
                    + "</Arn><AssumedRoleId>AROACLKWSDQRAOEXAMPLE:" + form.get("RoleSessionName") + "</AssumedRoleId></AssumedRoleUser>"
                    + "<Credentials><SessionToken>" + sessionToken + "</SessionToken><SecretAccessKey>" + secretAccessKey
                    + "</SecretAccessKey><Expiration>" + expiration + "</Expiration><AccessKeyId>" + accessKeyId
                    + "</AccessKeyId></Credentials>"
                    + "<Provider>token.actions.githubusercontent.com</Provider>"
                    + "</AssumeRoleWithWebIdentityResult>"
                    + "<ResponseMetadata><RequestId>ad4156e9-bce1-11e2-82e6-6b6efEXAMPLE</RequestId></ResponseMetadata>"
                    + "</AssumeRoleWithWebIdentityResponse>");
        });
    }

    private static Reply error(int status, String code, String message) {
        return Reply.of(status, XML, "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
                + "<Code>" + code + "</Code><Message>" + message + "</Message></Error>"
                + "<RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ErrorResponse>");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    public String url() {
        return server.url();
    }

    public StubServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
