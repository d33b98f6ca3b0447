package dev.envparity.config;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.annotation.Priority;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Expressions;
import io.smallrye.config.Priorities;

/**
 * Stands between {@code parity.*} values and SmallRye's mapping. Left alone, the mapping stops at the first bad value
 * of a key, reports it in its own words with the value quoted (a secret, possibly), turns a non-boolean into
 * {@code false} with a warning that quotes it, and names only the first unset {@code ${VAR}}. Here a value that is
 * not of its key's kind, or that refers to an unset variable, reaches the mapping as a harmless valid stand-in;
 * {@link PlanResolver} then reads the real values through {@link #unguarded} and stops start-up with every problem,
 * by key, in sentences that never repeat a value. Outermost, so it sees values after {@code ${…}} expansion and
 * the secret references (dev.envparity.aws.SecretReferences).
 */
@Priority(Priorities.APPLICATION + 200)
public class ConfigGuard implements ConfigSourceInterceptor {
    private static final long serialVersionUID = 1L;
    private static final ThreadLocal<Boolean> UNGUARDED = new ThreadLocal<>();

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (value == null || !name.startsWith("parity.") || UNGUARDED.get() != null || !Expressions.isEnabled()) {
            return value;
        }
        Optional<ValueKind> kind = ConfigKeys.kind(name);
        if (value.hasProblems()) {
            // An unset ${VAR}: the text as written (a literal never used, start-up fails), or a stand-in for a typed key.
            return value.noProblems().withValue(kind.map(ValueKind::standIn).orElse(value.getRawValue()));
        }
        if (kind.isEmpty() || value.getValue() == null) {
            return value;
        }
        if (kind.get().problem(value.getValue()).isPresent()) {
            String standIn = kind.get().standIn();
            return standIn == null ? value : value.withValue(standIn);
        }
        return value.withValue(kind.get().normalize(value.getValue()));
    }

    /** Reads configuration as it really is, problems included, for the checks that report them. */
    static <T> T unguarded(Supplier<T> read) {
        UNGUARDED.set(Boolean.TRUE);
        try {
            return read.get();
        } finally {
            UNGUARDED.remove();
        }
    }
}
