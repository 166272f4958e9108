package dev.bklint.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.Random;

/**
 * Where a generator's decisions come from: a seeded {@link Random} for the time-boxed soak run, or Jazzer's
 * {@link FuzzedDataProvider} so that coverage-guided mutation steers the same grammar.
 */
interface Choices {
    /** A number in [0, n). */
    int below(int n);

    default boolean chance(int percent) {
        return below(100) < percent;
    }

    default <T> T oneOf(T[] options) {
        return options[below(options.length)];
    }

    static Choices of(Random random) {
        return random::nextInt;
    }

    static Choices of(FuzzedDataProvider data) {
        return n -> n <= 1 ? 0 : data.consumeInt(0, n - 1);
    }
}
