package dev.envparity.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How every platform cuts a long digest: items are already most severe first, so the ones that fit the platform's
 * limits are kept in order and the rest become "… and N more" ({@link Digest#more}).
 */
public final class Budget {
    private static final ObjectMapper SIZE = new ObjectMapper();

    private Budget() {
    }

    /**
     * @param render an item as the platform shows it
     * @param cost what one rendered item uses of the budget (characters, bytes)
     * @param budget what is left for items once everything else, the "more" line included, is counted
     * @param maxItems how many items the platform accepts at most
     * @return the rendered items that fit, in order
     */
    public static <T> List<T> fit(List<Digest.Item> items, Function<Digest.Item, T> render, ToIntFunction<T> cost, int budget,
            int maxItems) {
        List<T> kept = new ArrayList<>();
        int used = 0;
        for (Digest.Item item : items) {
            T rendered = render.apply(item);
            int c = cost.applyAsInt(rendered);
            if (kept.size() == maxItems || used + c > budget) {
                break;
            }
            kept.add(rendered);
            used += c;
        }
        return kept;
    }

    /** The size of a payload (or part of one) as compact JSON, in bytes: what byte limits count. */
    public static int jsonBytes(Object payload) {
        try {
            return SIZE.writeValueAsBytes(payload).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
