package dev.bklint.rules.controller;

import dev.bklint.kubernetes.ControllerConfig;
import dev.bklint.kubernetes.KubernetesPlugin;
import dev.bklint.kubernetes.Mount;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.pipeline.PluginUse;
import dev.bklint.rules.Options;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the controller rules share: agent tags as a step writes them, whether the controller skips the checkout,
 * the controller's workspace volume, and small path and value tests.
 */
final class ControllerFacts {
    /** The controller's workspace volume is mounted here in every container it manages. */
    static final String WORKSPACE = "/workspace";

    private ControllerFacts() {
    }

    /**
     * One agent tag as written: {@code key: value} in an {@code agents} mapping (then {@code entry} is set), or a
     * {@code key=value} item of an {@code agents} list.
     */
    record Tag(String key, String value, YNode node, YEntry entry) {
        /** Filled in later (upload-time interpolation or a matrix placeholder): its value cannot be judged. */
        boolean templated() {
            return ControllerFacts.templated(key) || ControllerFacts.templated(value);
        }

        String written() {
            return entry != null ? key + ": " + value : key + "=" + value;
        }
    }

    /** The tags of an {@code agents} node: a mapping or a list of {@code k=v} strings; empty for anything else. */
    static List<Tag> tags(YNode agents) {
        List<Tag> tags = new ArrayList<>();
        if (agents instanceof YMap map) {
            for (YEntry e : map.entries()) {
                if (e.keyText() != null && e.value() instanceof YScalar s) {
                    tags.add(new Tag(e.keyText(), s.isNull() ? "" : s.value(), e.key(), e));
                }
            }
        } else if (agents instanceof YSeq seq) {
            for (YNode item : seq.items()) {
                if (item instanceof YScalar s && !s.isNull()) {
                    String text = s.value();
                    int eq = text.indexOf('=');
                    tags.add(eq < 0 ? new Tag(text, "", s, null)
                            : new Tag(text.substring(0, eq), text.substring(eq + 1), s, null));
                }
            }
        }
        return tags;
    }

    static Tag tag(YNode agents, String key) {
        for (Tag t : tags(agents)) {
            if (t.key().equals(key)) {
                return t;
            }
        }
        return null;
    }

    static boolean templated(String text) {
        return text != null && (text.contains("$") || text.contains("{{"));
    }

    /** Where the checkout is skipped: the plugin's {@code checkout.skip} or the controller's default. */
    record CheckoutSkip(YEntry entry, String where, boolean fromPlugin) {
    }

    /**
     * The setting that makes the controller skip the checkout container for this step, or null when it checks
     * out. The plugin's {@code checkout.skip} (true or false) overrides the controller's
     * {@code default-checkout-params.skip}.
     */
    static CheckoutSkip checkoutSkip(StepAnalysis step, Options options) {
        KubernetesPlugin plugin = step.plugin();
        YMap checkout = plugin == null ? null : plugin.field("checkout") instanceof YMap m ? m : null;
        YEntry skip = checkout == null ? null : entryIgnoringCase(checkout, "skip");
        if (skip != null && skip.value() instanceof YScalar s && (s.isTrue() || s.isFalse())) {
            return s.isTrue() ? new CheckoutSkip(skip, "the plugin's `checkout.skip: true`", true) : null;
        }
        ControllerConfig controller = options.controller();
        YMap defaults = controller == null ? null : controller.defaultCheckoutParams();
        YEntry byDefault = defaults == null ? null : entryIgnoringCase(defaults, "skip");
        if (byDefault != null && byDefault.value() instanceof YScalar s && s.isTrue()) {
            return new CheckoutSkip(byDefault, "the controller's `default-checkout-params.skip: true` (in "
                    + controller.source().path() + ")", false);
        }
        return null;
    }

    static YEntry entryIgnoringCase(YMap map, String key) {
        YEntry exact = map.entry(key);
        if (exact != null) {
            return exact;
        }
        for (YEntry e : map.entries()) {
            if (e.keyText() != null && e.keyText().equalsIgnoreCase(key)) {
                return e;
            }
        }
        return null;
    }

    /** The name of the controller's workspace volume: its {@code workspace-volume.name}, else {@code workspace}. */
    static String workspaceVolumeName(Options options) {
        ControllerConfig controller = options.controller();
        return controller == null ? ControllerConfig.DEFAULT_WORKSPACE_VOLUME : controller.workspaceVolume();
    }

    /** The step's plugins other than the kubernetes one (they run in the plugin phase, before the command). */
    static boolean hasOtherPlugins(StepAnalysis step) {
        if (step.step() == null) {
            return false;
        }
        for (PluginUse use : step.step().plugins()) {
            if (!use.isKubernetes()) {
                return true;
            }
        }
        return false;
    }

    /** A path the shell resolves against the working directory (not absolute, not a variable, not stdout). */
    static boolean relativePath(String path) {
        if (path == null || path.isEmpty() || templated(path)) {
            return false;
        }
        return !path.startsWith("/") && !path.startsWith("~") && !path.equals("-");
    }

    /** A writable mount of the container at {@code path} or at a directory above it, or null. */
    static Mount writableMountCovering(PodContainer c, String path) {
        return c.writableMountCovering(path);
    }

    /** A writable mount exactly at the path (not above it), or null. */
    static Mount writableMountAt(PodContainer c, String path) {
        return c.writableMountAt(path);
    }

    /** Capability names compared the way container runtimes do: case-insensitive, with or without CAP_. */
    static String capability(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        return n.startsWith("CAP_") ? n.substring(4) : n;
    }

    /** A short place for a container in messages: its name, else its list position. */
    static String describe(YMap container, String list, int index) {
        String name = container == null ? null : container.string("name");
        return "`" + (name != null ? name : list + "[" + index + "]") + "`";
    }
}
