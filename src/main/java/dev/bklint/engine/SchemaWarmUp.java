package dev.bklint.engine;

import dev.bklint.schema.PluginSchema;
import dev.bklint.source.SourceFile;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YamlLoader;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads the kubernetes plugin's schema on a background thread while the inputs are still being read and parsed,
 * so that the first step with the plugin does not wait for it (with several threads linting, all of them would).
 * Only a head start: nothing depends on it having run, and the lint loads the schema itself when it needs it.
 */
public final class SchemaWarmUp {
    /** A small configuration, checked once so that the schema and its validator are loaded. */
    private static final String CONFIG = "podSpec:\n  containers:\n    - name: main\n      image: alpine:3\n";
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private SchemaWarmUp() {
    }

    /** Starts the warm-up once, when the file can use the kubernetes plugin (its text names it). */
    public static void startFor(SourceFile source) {
        if (!STARTED.get() && source.text().contains("kubernetes") && STARTED.compareAndSet(false, true)) {
            Thread thread = new Thread(SchemaWarmUp::run, "bklint-schema-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static void run() {
        try {
            PluginSchema.check((YMap) YamlLoader.load(new SourceFile("<schema warm-up>", CONFIG)).get(0).root());
        } catch (Exception e) {
            // The lint meets the same problem when it loads the schema, and reports it there.
        }
    }
}
