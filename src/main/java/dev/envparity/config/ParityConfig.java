package dev.envparity.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The {@code parity.*} configuration, exactly as users write it. Values are checked and turned into a
 * {@link CheckPlan} by {@link PlanResolver}; nothing else reads this interface directly.
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

    Probe probe();

    Api api();

    Schedule schedule();

    interface Defaults {
        @WithDefault("spring-boot")
        String preset();

        @WithDefault("5s")
        Duration timeout();
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
    }

    interface Schedule {
        /** Quartz-style cron for server mode; "off" disables. */
        @WithDefault("0 */15 * * * ?")
        String cron();
    }
}
