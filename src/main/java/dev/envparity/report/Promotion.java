package dev.envparity.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Where to promote what waits in {@code from} to {@code to}: a service's {@code promote-url} template filled in.
 *
 * @param url the filled-in template; each value is percent-encoded (RFC 3986, section 2.1), so a version a service
 *        reports cannot add a path, a query or markup to the link
 */
@RegisterForReflection
public record Promotion(String from, String to, String url) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(service|from|to|version|commit)}");

    /** The placeholders a {@code promote-url} may use. */
    public static final String PLACEHOLDERS = "{service}, {from}, {to}, {version}, {commit}";

    /**
     * @param version what {@code from} runs, or null
     * @param commit the commit {@code from} runs, or null
     */
    public static Promotion of(String template, String service, String from, String to, String version, String commit) {
        Map<String, String> values = Map.of("service", service, "from", from, "to", to,
                "version", version == null ? "" : version, "commit", commit == null ? "" : commit);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder url = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(url, Matcher.quoteReplacement(encode(values.get(m.group(1)))));
        }
        m.appendTail(url);
        return new Promotion(from, to, url.toString());
    }

    /** Fills {@code {service}} in a default that serves every service (a runbook, a rollback note). */
    public static String forService(String template, String service) {
        return template == null ? null : template.replace("{service}", service);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
