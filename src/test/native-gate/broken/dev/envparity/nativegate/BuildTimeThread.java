package dev.envparity.nativegate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/**
 * Deliberately broken, for the native gate's own test: the profile native-gate-broken compiles this class into
 * the application and initializes it at image build time (--initialize-at-build-time), so its static initializer
 * starts a thread inside the image builder. A thread cannot be stored in a native image, and GraalVM fails the
 * build with "Detected a started Thread in the image heap" (build-time initialization:
 * https://www.graalvm.org/latest/reference-manual/native-image/optimizations-and-performance/ClassInitialization/).
 * The gate must fail with that message.
 */
@ApplicationScoped
public class BuildTimeThread {
    private static final Thread TICKER = startTicker();

    private static Thread startTicker() {
        Thread ticker = new Thread(() -> {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "build-time-ticker");
        ticker.setDaemon(true);
        ticker.start();
        return ticker;
    }

    void onStart(@Observes StartupEvent event) {
        TICKER.interrupt();
    }
}
