package dev.envparity.config;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The {@code parity.*} configuration, exactly as users write it. {@link PlanResolver} checks it and turns it into the
 * plans the rest of envparity runs on ({@link Plans}: check, hooks, API, state, AWS); the notification part is
 * checked by the notify package's own resolver (it knows the chat platforms). Nothing else reads this interface.
 */
@ConfigMapping(prefix = "parity")
public interface ParityConfig {

    /** Promotion order, upstream first. Optional here so that a missing list gets our own message. */
    Optional<List<String>> environments();

    Defaults defaults();

    @WithDefault("72h")
    Duration maxPromotionLag();

    /** ok | info | warning | critical | never: the CLI exits 1 at or above this severity. */
    @WithDefault("warning")
    String failOn();

    Map<String, Service> services();

    /**
     * Runtime aspects compared along the promotion order (java, framework, os), for the presets that publish them;
     * {@code none} turns runtime parity off. Default: java and framework.
     */
    Optional<List<String>> runtime();

    Tls tls();

    /**
     * The security header checklist compared across environments: {@code Server} and {@code X-Powered-By} are checked
     * for a version they reveal, the others for presence. {@code none} turns it off.
     */
    Optional<List<String>> securityHeaders();

    Probe probe();

    Api api();

    Schedule schedule();

    /** Environment names deploy tools use, mapped to ours: {prod: production}. */
    Map<String, String> environmentAliases();

    Hooks hooks();

    Aws aws();

    /** Code hosts, for what waits between two environments' commits. */
    Scm scm();

    History history();

    Heartbeat heartbeat();

    /** {@code parity.notify.*} (the method cannot be called notify(): Object has one). */
    @WithName("notify")
    Notify notifications();

    interface Defaults {
        @WithDefault("spring-boot")
        String preset();

        @WithDefault("5s")
        Duration timeout();

        /** Every service's owner, unless it names its own. */
        Owner owner();

        /** Every service's runbook URL; {service} stands for the service's name. */
        Optional<String> runbook();

        /** Every service's rollback note or URL; {service} stands for the service's name. */
        Optional<String> rollback();

        /** Every service's promote link template. */
        Optional<String> promoteUrl();
    }

    /** Who owns a service: a display name and, per chat platform, the id to mention. */
    interface Owner {
        Optional<String> name();

        /** A Slack user group (S…) or user (U…, W…). */
        Optional<String> slack();

        /** A Discord role id. */
        Optional<String> discord();

        /** A Mattermost user or group name. */
        Optional<String> mattermost();

        /** A Google Chat user: users/<id>. */
        Optional<String> googleChat();
    }

    interface Service {
        Optional<String> preset();

        /** Base URL per environment. */
        Map<String, String> urls();

        Optional<String> healthPath();

        Optional<String> versionPath();

        /** JSON Pointer (RFC 6901) to the version; "" means the whole body. */
        Optional<String> versionPointer();

        Optional<String> commitPointer();

        Optional<String> builtAtPointer();

        /** Response header that carries the version when the body does not (e.g. X-Version). */
        Optional<String> versionHeader();

        /** Extra JSON Pointers into the version document whose values must match across environments. */
        Optional<List<String>> compare();

        Map<String, String> headers();

        Optional<Duration> timeout();

        /** Other names deploy tools use for this service (repository, Argo CD application). */
        Optional<List<String>> aliases();

        /** Overrides parity.runtime for this service; none turns runtime parity off. */
        Optional<List<String>> runtime();

        /** false turns the TLS checks off for this service. */
        Optional<Boolean> tls();

        /** Overrides parity.security-headers for this service; none turns the checklist off. */
        Optional<List<String>> securityHeaders();

        /** flyway | liquibase: compare the database migrations Spring Boot's actuator reports. */
        Optional<String> schema();

        /** Where the migrations are; {@code /actuator/flyway} or {@code /actuator/liquibase} by default. */
        Optional<String> schemaPath();

        /** github:<owner>/<repo> or gitlab:<group>/<project>: where to ask what waits between two commits. */
        Optional<String> repository();

        Owner owner();

        Optional<String> runbook();

        Optional<String> rollback();

        /** A link to promote the service: {service}, {from}, {to}, {version} and {commit} are filled in. */
        Optional<String> promoteUrl();
    }

    /** What envparity reads from the certificate each https environment serves its probes. */
    interface Tls {
        /** false turns every TLS check off. */
        @WithDefault("true")
        boolean enabled();

        /** A certificate expiring within this is a warning. */
        @WithDefault("14d")
        Duration warnBefore();

        /** A certificate expiring within this is critical. */
        @WithDefault("3d")
        Duration criticalBefore();

        /** Different issuers or protocols between adjacent environments (info); false turns this comparison off. */
        @WithDefault("true")
        boolean compare();
    }

    interface Probe {
        /**
         * Requests in flight at once, across all services and environments. High enough for 100 services in three
         * environments to be probed in one wave; low enough to stay clear of Lambda's 1024 file descriptors.
         */
        @WithDefault("800")
        int concurrency();

        @WithDefault("1048576")
        long maxBodyBytes();

        @WithDefault("5")
        int maxRedirects();

        /** PKCS#12 or JKS file with extra CAs to trust besides the JDK's defaults. */
        Optional<String> trustStore();

        Optional<String> trustStorePassword();
    }

    interface Api {
        /** Bearer token for POST /api/check and the dashboard; empty means open. */
        Optional<String> token();

        /** With a token set, badges still need no sign-in (README images cannot send credentials). */
        @WithDefault("false")
        boolean publicBadges();
    }

    interface Notify {
        /** always | on-change | never. */
        @WithDefault("on-change")
        String policy();

        /** With on-change, an unchanged problem is posted again after this long. */
        @WithDefault("24h")
        Duration remindEvery();

        /** Every delivery of a run, retries included, ends within this. */
        @WithDefault("20s")
        Duration deadline();

        /** Owners are mentioned for services at or above this severity (ok | info | warning | critical | never). */
        @WithDefault("critical")
        String mentionAt();

        State state();

        /** Service name to the instant its notifications resume (a maintenance window). */
        Map<String, Instant> mute();

        /** A finding is notified once it has persisted this long: "2 checks" or a duration ("10m"). */
        Optional<String> confirmAfter();

        /** Quartz cron of a daily "all N services are in sync" message to every target (server mode); "off" disables. */
        @WithDefault("off")
        String allClear();

        /** Quartz cron of a message with each service's promotion lead times to every target (server mode); "off" disables. */
        @WithDefault("off")
        String leadTimes();

        Map<String, Target> targets();

        interface State {
            /** auto (a file; memory on Lambda) | memory | file | dynamodb. */
            @WithDefault("auto")
            String store();

            @WithDefault(".envparity/state.json")
            String file();

            /** The DynamoDB table of the dynamodb store (the CDK stack sets it). */
            Optional<String> table();
        }

        interface Target {
            /** slack | teams | discord | google-chat | mattermost | webhook | console. */
            String type();

            /** The webhook URL: a secret, never printed. */
            Optional<String> url();

            /** Services below this severity are left out of this target's digests. */
            @WithDefault("info")
            String minSeverity();

            /** Only these services (default: all). */
            Optional<List<String>> services();

            /** Only findings about these environments (default: all). */
            Optional<List<String>> environments();

            /** Overrides parity.notify.policy for this target. */
            Optional<String> policy();

            /** Signing secret (Standard Webhooks, "whsec_…") for the generic webhook type. */
            Optional<String> secret();
        }
    }

    interface Hooks {
        Github github();

        Token gitlab();

        Token argocd();

        Secret generic();

        Verify verify();

        interface Github {
            /** HMAC-SHA256 secret of X-Hub-Signature-256; without it, GitHub deliveries are refused (401). */
            Optional<String> secret();

            /** workflow_run has no environment: map a workflow's name or file (deploy.yml) to one. */
            Map<String, String> workflows();
        }

        interface Token {
            Optional<String> token();
        }

        interface Secret {
            /** Standard Webhooks secret, "whsec_…". */
            Optional<String> secret();
        }

        /** After a deploy event: wait until the environment reports the deployed version, then compare. */
        interface Verify {
            @WithDefault("5s")
            Duration interval();

            /** Give up waiting for the rollout after this long (keep it below the Lambda timeout). */
            @WithDefault("5m")
            Duration timeout();

            /** Deploy events for the same service and environment within this window make one verification. */
            @WithDefault("10s")
            Duration debounce();

            /** auto (Lambda when running on Lambda) | in-process | lambda. */
            @WithDefault("auto")
            String async();
        }
    }

    interface Aws {
        /** Defaults to AWS_REGION. */
        Optional<String> region();

        /** Endpoint overrides per service (dynamodb, lambda, ssm, secretsmanager), for tests or private endpoints. */
        Map<String, String> endpoints();
    }

    interface Scm {
        /** GitHub or GitHub Enterprise Server. */
        ScmHost github();

        /** GitLab.com or a self-managed GitLab. */
        ScmHost gitlab();

        /** Every call to a code host has this long, and a run's calls end within it too. */
        @WithDefault("10s")
        Duration timeout();

        interface ScmHost {
            /** Read-only access token: a secret, never printed. */
            Optional<String> token();

            /** The REST API's base URL (default https://api.github.com, https://gitlab.com/api/v4). */
            Optional<String> apiUrl();
        }
    }

    /** What envparity remembers between checks (kept in the state store). */
    interface History {
        /** Transitions older than this are forgotten; so is a service not checked for this long. */
        @WithDefault("90d")
        Duration retention();
    }

    /** A dead man's switch (healthchecks.io, Cronitor, Better Stack): called after every check. */
    interface Heartbeat {
        /** The ping URL: a secret, never printed. */
        Optional<String> url();

        /** Called instead when the check could not run or a notification failed; default: the URL with /fail appended. */
        Optional<String> failUrl();

        /** get | post (the verdict in the body). */
        @WithDefault("get")
        String method();

        @WithDefault("5s")
        Duration timeout();
    }

    interface Schedule {
        /** Quartz-style cron for server mode; "off" disables. */
        @WithDefault("0 */15 * * * ?")
        String cron();
    }
}
