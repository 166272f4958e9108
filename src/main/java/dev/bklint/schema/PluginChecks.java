package dev.bklint.schema;

import dev.bklint.yaml.YMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The plugin configurations of one run, validated with {@link PluginSchema}: long pipelines repeat one plugin
 * configuration in many steps, and validating it is a quarter of a step's lint, so a configuration already found
 * valid is known by its source text. One per {@code Linter}, so what was linted before never outlives the run (an
 * editor server makes a new one per document); its memory is bounded by characters as well as by entries.
 */
public final class PluginChecks {
    private static final int MAX_VALID_TEXTS = 10_000;
    private static final int MAX_VALID_TEXT = 16 * 1024;
    private static final long MAX_VALID_CHARS = 4L * 1024 * 1024;

    private final Set<String> validTexts = ConcurrentHashMap.newKeySet();
    private final AtomicLong validChars = new AtomicLong();

    /** Every violation in the configuration, in the order of the schema's report. */
    public List<SchemaViolation> violations(YMap config) {
        String key = PluginSchema.textKey(config);
        if (key != null && validTexts.contains(key)) {
            return List.of();
        }
        List<SchemaViolation> violations = PluginSchema.check(config);
        if (key != null && violations.isEmpty() && validTexts.size() < MAX_VALID_TEXTS
                && key.length() <= MAX_VALID_TEXT && validChars.addAndGet(key.length()) <= MAX_VALID_CHARS) {
            validTexts.add(key);
        }
        return violations;
    }
}
