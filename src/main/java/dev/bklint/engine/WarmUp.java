package dev.bklint.engine;

import dev.bklint.rules.RuleRegistry;
import dev.bklint.schema.PluginSchema;
import dev.bklint.source.SourceFile;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YamlLoader;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sets up, on a second thread, what every lint needs (the rules, the YAML reader, the plugin schema and its
 * validator) while the main thread reads the command line and the inputs: on a cold start most of a lint's time
 * is such one-off set-up, and a machine running bklint has a spare core. Only a head start: nothing depends on
 * it having run (each of these is built once, under the JVM's class initialisation lock, by whichever thread
 * comes first), and it changes no result.
 */
public final class WarmUp {
    /** A small configuration, checked once so that the schema and its validator are loaded. */
    private static final String CONFIG = "podSpec:\n  containers:\n    - name: main\n      image: alpine:3\n";
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private WarmUp() {
    }

    /** Starts the warm-up, once per process. */
    public static void start() {
        if (STARTED.compareAndSet(false, true)) {
            Thread thread = new Thread(WarmUp::run, "bklint-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static void run() {
        try {
            // The schema first: it takes longest, and the main thread needs the rules sooner and builds them itself.
            PluginSchema.check((YMap) YamlLoader.load(new SourceFile("<warm-up>", CONFIG)).get(0).root());
            RuleRegistry.get();
        } catch (Exception | Error e) {
            // The lint meets the same problem itself, and reports it there.
        }
    }
}
