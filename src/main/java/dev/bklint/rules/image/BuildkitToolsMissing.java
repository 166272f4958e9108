package dev.bklint.rules.image;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.ImageFlavor;
import dev.bklint.buildkit.SimpleCommand;
import dev.bklint.buildkit.Word;
import dev.bklint.kubernetes.ImageRef;
import dev.bklint.kubernetes.ImageSource;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.rules.Headline;
import dev.bklint.source.Span;
import java.util.Locale;
import java.util.Set;

/**
 * BK107: buildctl runs in a container whose image has no BuildKit tools: a step or pipeline {@code image:} that
 * replaced {@code moby/buildkit}, the controller's default agent image, or a well-known base image. A custom
 * image is assumed to carry the tools, and so is a script that installs them first.
 */
public final class BuildkitToolsMissing implements Rule {
    private static final Set<String> BASE_IMAGES = Set.of(
            "alpine", "ubuntu", "debian", "busybox", "docker", "node", "python", "golang", "ruby", "buildkite/agent",
            "buildkite/agent-stack-k8s/agent");

    @Override
    public void visitStep(StepAnalysis step, Reporter reporter) {
        for (BuildkitContainer bc : step.buildkitContainers()) {
            PodContainer c = bc.container();
            if (c == null || c.kind() == PodContainer.Kind.SIDECAR || bc.shell() == null) {
                continue;
            }
            Word tool = firstTool(bc);
            if (tool == null || installsTools(bc, tool.start())) {
                continue;
            }
            check(bc, c, tool, reporter);
        }
    }

    private static void check(BuildkitContainer bc, PodContainer c, Word tool, Reporter reporter) {
        String cmd = "`" + tool.value() + "`";
        ImageRef image = c.imageRef();
        if (c.replacedImage() != null && image != null && !ImageFlavor.looksLikeBuildkit(image)
                && ImageFlavor.looksLikeBuildkit(ImageRef.parse(c.replacedImage().value()))) {
            String source = c.imageSource().description().substring(0, 1).toUpperCase(Locale.ROOT)
                    + c.imageSource().description().substring(1);
            reporter.report(c.image(), Headline.first(source + " `" + image.text() + "` replaces the BuildKit image "
                    + "of container `" + c.name() + "`.", source + " replaces the BuildKit image of container `"
                    + c.name() + "`.", source + " replaces the BuildKit image of a container."), "It replaces the "
                    + "image of every command container, so container `" + c.name() + "` runs `" + image.text()
                    + "` instead of `" + c.replacedImage().value() + "` (line " + c.replacedImage().span().line()
                    + "), and " + cmd + " is not found there.", Fix.describe("Remove the `image:` attribute or set it to `" + c.replacedImage().value()
                    + "`.", "image: " + c.replacedImage().value()));
            return;
        }
        if (c.imageSource() == ImageSource.CONTROLLER_DEFAULT) {
            Span at = bc.script().span(tool.start(), tool.end());
            reporter.report(at, Headline.first(cmd + " runs in the controller's default container `" + c.name()
                    + "`, which has no BuildKit tools.", cmd + " runs in the controller's default container, which "
                    + "has no BuildKit tools."), "That container's image is the Buildkite agent image, which has no "
                    + "BuildKit tools: the step fails with `command not found`. Either BuildKit image has them "
                    + "(`moby/buildkit:v0.32.2-rootless` or `moby/buildkit:v0.32.2`).", Fix.describe("Add a podSpec container with a BuildKit image.",
                    "podSpec:\n  containers:\n    - name: buildkit\n      image: moby/buildkit:v0.32.2-rootless"));
            return;
        }
        if (image != null && isBaseImage(image)) {
            reporter.report(c.image(), Headline.first(cmd + " runs in container `" + c.name() + "` with image `"
                    + image.text() + "`, which has no BuildKit tools.", cmd + " runs in container `" + c.name()
                    + "`, whose image has no BuildKit tools.", cmd + " runs in a container whose image has no "
                    + "BuildKit tools."), "`" + image.text() + "` (" + c.imageSource().description() + ") does not "
                    + "ship BuildKit's tools, so the step fails with `command not found`. Either BuildKit image has "
                    + "them (`moby/buildkit:v0.32.2-rootless` or `moby/buildkit:v0.32.2`).", Fix.describe("Use a BuildKit image.",
                    "image: moby/buildkit:v0.32.2-rootless"));
        }
    }

    private static boolean isBaseImage(ImageRef image) {
        String path = image.path();
        if (path.startsWith("library/")) {
            path = path.substring("library/".length());
        }
        return BASE_IMAGES.contains(path);
    }

    /** The first command word that needs BuildKit's tools ({@code buildctl...} or {@code buildkitd}). */
    private static Word firstTool(BuildkitContainer bc) {
        for (SimpleCommand c : bc.shell().commands()) {
            String p = c.programName();
            if (p != null && (p.equals("buildctl") || p.equals("buildctl-daemonless.sh") || p.equals("buildkitd"))) {
                return c.words().get(0);
            }
        }
        return null;
    }

    /** True when an earlier command mentions BuildKit (an {@code apk add buildkit}, a download of its release). */
    private static boolean installsTools(BuildkitContainer bc, int before) {
        for (SimpleCommand c : bc.shell().commandsBefore(before)) {
            for (Word w : c.words()) {
                if (w.value().toLowerCase(Locale.ROOT).contains("buildkit") || w.value().contains("buildctl")) {
                    return true;
                }
            }
        }
        return false;
    }
}
