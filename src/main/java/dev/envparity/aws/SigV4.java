package dev.envparity.aws;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.envparity.crypto.Crypto;

/**
 * AWS Signature Version 4 for the JSON and REST-JSON APIs envparity calls (DynamoDB, SSM, Secrets Manager,
 * Lambda Invoke), per https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html.
 * Checked against AWS's published signature test suite (get-vanilla, get-vanilla-query-order-key-case).
 */
public final class SigV4 {
    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private SigV4() {
    }

    /**
     * @param headers the request's headers, without Host (taken from the URI); must include what the request sends
     * @return the headers to send: the given ones plus X-Amz-Date, X-Amz-Security-Token and Authorization
     */
    public static Map<String, String> sign(String method, URI uri, Map<String, String> headers, byte[] body, String region,
            String service, AwsCredentials credentials, Instant now) {
        String amzDate = AMZ_DATE.format(now);
        String date = amzDate.substring(0, 8);
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("X-Amz-Date", amzDate);
        if (credentials.sessionToken() != null) {
            all.put("X-Amz-Security-Token", credentials.sessionToken());
        }
        TreeMap<String, String> canonical = new TreeMap<>();
        canonical.put("host", uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
        all.forEach((k, v) -> canonical.put(k.toLowerCase(Locale.ROOT), v.trim().replaceAll(" +", " ")));
        String signedHeaders = String.join(";", canonical.keySet());
        String canonicalRequest = method + "\n"
                + canonicalPath(uri) + "\n"
                + canonicalQuery(uri.getRawQuery()) + "\n"
                + canonical.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue() + "\n").collect(Collectors.joining())
                + "\n" + signedHeaders + "\n"
                + hex(sha256(body));
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        String signature = hex(hmac(key, stringToSign));
        all.put("Authorization", "AWS4-HMAC-SHA256 Credential=" + credentials.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
        return all;
    }

    /** The path as sent, each segment encoded once more (the rule for every service but S3). */
    static String canonicalPath(URI uri) {
        String raw = uri.getRawPath();
        if (raw == null || raw.isEmpty()) {
            return "/";
        }
        StringBuilder sb = new StringBuilder();
        for (String segment : raw.split("/", -1)) {
            if (sb.length() > 0 || raw.startsWith("/")) {
                sb.append('/');
            }
            sb.append(encode(segment));
        }
        String path = sb.toString();
        return path.startsWith("//") ? path.substring(1) : path;
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        TreeMap<String, String> params = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            params.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters. */
    static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    private static byte[] sha256(byte[] data) {
        return Crypto.sha256(data);
    }

    private static byte[] hmac(byte[] key, String data) {
        return Crypto.hmacSha256(key, data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] b) {
        return HEX.formatHex(b);
    }
}
