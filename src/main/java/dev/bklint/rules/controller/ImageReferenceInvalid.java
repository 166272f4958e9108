package dev.bklint.rules.controller;

import dev.bklint.kubernetes.KubernetesPlugin;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.RunMemo;
import dev.bklint.rules.Rule;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;
import dev.bklint.yaml.YamlEdits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BK613: before it applies any patch or the step's {@code image:}, the controller parses the image of every podSpec
 * container, init container and sidecar with {@code reference.Parse} (github.com/distribution/reference); an empty
 * or malformed reference fails the job: one with its own parse error, several with "invalid image references".
 */
public final class ImageReferenceInvalid implements Rule {
    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
    private static final String REMOTE_NAME = PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String HOST = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*"
            + "|\\[(?:[a-fA-F0-9:]+)\\])";
    private static final String DOMAIN_AND_PORT = HOST + "(?::[0-9]+)?";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}";
    private static final Pattern REFERENCE = Pattern.compile("^((?:" + DOMAIN_AND_PORT + "/)?" + REMOTE_NAME + ")"
            + "(?::(" + TAG + "))?(?:@(" + DIGEST + "))?$");
    private static final Pattern NAME = Pattern.compile("^(?:(" + DOMAIN_AND_PORT + ")/)?(" + REMOTE_NAME + ")$");
    private static final Map<String, Integer> DIGEST_LENGTHS = Map.of("sha256", 64, "sha384", 96, "sha512", 128);

    @Override
    public void visitStep(StepAnalysis step, Reporter reporter) {
        KubernetesPlugin plugin = step.plugin();
        if (step.step() == null || plugin == null) {
            return;
        }
        List<Bad> bad = new ArrayList<>();
        YMap podSpec = plugin.podSpec();
        if (podSpec != null) {
            collect(bad, podSpec.getSeq("containers"), "podSpec.containers", "container-", reporter.memo());
            collect(bad, podSpec.getSeq("initContainers"), "podSpec.initContainers", null, reporter.memo());
        }
        collect(bad, plugin.sidecars(), "sidecars", "sidecar-", reporter.memo());
        for (Bad b : bad) {
            report(reporter, b, bad.size());
        }
    }

    /** An image reference the controller rejects: the container, where it is, its name in the job's error. */
    private record Bad(YMap container, YEntry entry, String image, String error, String who, String nameInError) {
    }

    private static void collect(List<Bad> into, YSeq containers, String list, String defaultNamePrefix,
                                RunMemo memo) {
        if (containers == null) {
            return;
        }
        for (int i = 0; i < containers.size(); i++) {
            if (!(containers.items().get(i) instanceof YMap c)) {
                continue;
            }
            YEntry entry = c.entry("image");
            String image = entry == null || !(entry.value() instanceof YScalar s) || s.isNull() ? ""
                    : s.value();
            if (ControllerFacts.templated(image) || image.length() > 1024) {
                continue; // filled in later; or too long to be worth matching (reported by the API anyway)
            }
            // the same few images recur in every step of a long pipeline
            String error = memo.get(ImageReferenceInvalid.class, image, ImageReferenceInvalid::parseError);
            if (error != null) {
                String name = c.string("name");
                // The controller names unnamed containers and sidecars before it checks images (scheduler.go).
                String nameInError = name != null ? name : defaultNamePrefix == null ? "" : defaultNamePrefix + i;
                into.add(new Bad(c, entry, image, error, "container " + ControllerFacts.describe(c, list, i),
                        nameInError));
            }
        }
    }

    private static void report(Reporter reporter, Bad b, int badInStep) {
        String image = b.image();
        String who = b.who();
        String problem = image.isEmpty()
                ? (b.entry() == null ? "C" + who.substring(1) + " has no `image`."
                        : "C" + who.substring(1) + " has an empty `image`.")
                : "The `image` of " + who + " is not a valid image reference.";
        String lower = lowered(image);
        YMap c = b.container();
        YEntry entry = b.entry();
        YNode at = entry != null ? entry.value() : c.entries().isEmpty() ? c : c.entries().get(0).key();
        Fix fix = lower != null && entry != null && entry.value().source() == c.source()
                ? new Fix("Write the repository in lower case: `" + lower + "`.", "image: " + lower,
                List.of(YamlEdits.replace(entry.value(), quoteIfNeeded(entry.value(), lower))))
                : Fix.describe("Give the container a valid image reference.",
                "image: registry.example.com/team/tool:v1.2.3");
        reporter.report(at, problem, (image.isEmpty() ? "The reference is empty" : "`" + image + "` does not parse")
                + " (`" + b.error() + "`). The controller parses the image of every podSpec container, init container "
                + "and sidecar before it applies podSpecPatch or the step's `image:`, and fails the job with "
                + jobError(b, badInStep) + (image.isEmpty() ? "; the container needs its own `image` even when a "
                + "patch or `image:` replaces it." : "."), fix);
    }

    /**
     * The job's failure message: one bad reference is quoted on its own ({@code %w %q for container %q}); two or
     * more give a table under {@code invalid image references} (scheduler.go, after "failed to build a podSpec").
     */
    private static String jobError(Bad b, int badInStep) {
        if (badInStep > 1) {
            return "`invalid image references` and a table of all " + badInStep + " of them";
        }
        return "`" + b.error() + " " + goQuote(b.image()) + " for container " + goQuote(b.nameInError()) + "`";
    }

    /** Go's {@code %q} for the plain text that reaches here (backslashes and double quotes escaped). */
    private static String goQuote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The error {@code reference.Parse} returns for the text, or null when it parses. */
    static String parseError(String s) {
        if (s.isEmpty()) {
            return "repository name must have at least one component";
        }
        Matcher m = REFERENCE.matcher(s);
        if (!m.matches()) {
            String lower = s.toLowerCase(Locale.ROOT);
            if (!lower.equals(s) && REFERENCE.matcher(lower).matches()) {
                return "repository name must be lowercase";
            }
            return "invalid reference format";
        }
        Matcher name = NAME.matcher(m.group(1));
        String path = name.matches() ? name.group(2) : m.group(1);
        if (path.length() > 255) {
            return "repository name must not be more than 255 characters";
        }
        String digest = m.group(3);
        if (digest != null) {
            int colon = digest.indexOf(':');
            Integer length = DIGEST_LENGTHS.get(digest.substring(0, colon));
            String encoded = digest.substring(colon + 1);
            if (length != null && encoded.length() != length) {
                return "invalid checksum digest length";
            }
            if (length != null && !isLowerHex(encoded)) {
                return "invalid checksum digest format";
            }
        }
        return null;
    }

    /** {@code [a-f0-9]+}. */
    private static boolean isLowerHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** The reference with its repository in lower case, when that alone makes it valid; else null. */
    private static String lowered(String image) {
        if (image.isEmpty() || !"repository name must be lowercase".equals(parseError(image))) {
            return null;
        }
        int at = image.indexOf('@');
        String beforeDigest = at < 0 ? image : image.substring(0, at);
        int colon = beforeDigest.lastIndexOf(':');
        String name = colon > beforeDigest.lastIndexOf('/') ? beforeDigest.substring(0, colon) : beforeDigest;
        String fixed = name.toLowerCase(Locale.ROOT) + image.substring(name.length());
        return parseError(fixed) == null ? fixed : null;
    }

    private static String quoteIfNeeded(YNode node, String text) {
        YScalar s = (YScalar) node;
        switch (s.style()) {
            case DOUBLE_QUOTED: return "\"" + text + "\"";
            case SINGLE_QUOTED: return "'" + text + "'";
            default: return text;
        }
    }
}
