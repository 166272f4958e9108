package dev.bklint.rules;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Answers of pure functions that rules compute again and again in one run (an image reference's parse, an artifact
 * glob): the same few values recur in every step of a long pipeline. One per {@code Linter}, so nothing outlives
 * the run, and bounded, so a hostile file with thousands of distinct values only stops being remembered.
 */
public final class RunMemo {
    private static final int MAX_ENTRIES = 4096;

    private final Map<Object, Object> answers = new ConcurrentHashMap<>();

    /** {@code compute.apply(key)}, remembered under {@code kind} (one per question asked, e.g. the rule's class). */
    @SuppressWarnings("unchecked")
    public <K, V> V get(Class<?> kind, K key, Function<K, V> compute) {
        Map.Entry<Class<?>, K> k = Map.entry(kind, key);
        Object known = answers.get(k);
        if (known != null) {
            return known == NONE ? null : (V) known;
        }
        V value = compute.apply(key);
        if (answers.size() < MAX_ENTRIES) {
            answers.put(k, value == null ? NONE : value);
        }
        return value;
    }

    private static final Object NONE = new Object();
}
