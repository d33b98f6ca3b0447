package dev.envparity.trigger.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.envparity.state.StateHealth;

/**
 * {@code /q/health/ready} is DOWN while the notification state of a target cannot be written: such a server
 * posts nothing to that target (it would repeat the message every run), and someone has to fix the store.
 */
@Readiness
@ApplicationScoped
public class NotificationStateCheck implements HealthCheck {

    private final StateHealth health;

    @Inject
    public NotificationStateCheck(StateHealth health) {
        this.health = health;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("notification-state").up();
        health.problems().stream().findFirst().ifPresent(p -> response.down().withData("target", p.target())
                .withData("since", p.since().toString()).withData("reason", p.reason()));
        return response.build();
    }
}
