package dev.bklint.rules.image;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.kubernetes.ImageRef;
import dev.bklint.finding.Fix;
import dev.bklint.finding.Severity;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.rules.Headline;
import dev.bklint.yaml.YamlEdits;
import java.util.List;
import java.util.regex.Pattern;

/** BK108: a {@code moby/buildkit} tag upstream never publishes ({@code latest-rootless}, or outside its scheme). */
public final class BuildkitImageTagUnpublished implements Rule {
    /**
     * The tags moby/buildkit's image workflow produces, and those its manually dispatched buildx-image workflow
     * copies (buildx-stable-1, -rootless, and -gpu from the -ubuntu image).
     */
    static final Pattern PUBLISHED = Pattern.compile(
            "latest|rootless|latest-ubuntu|(master|nightly)(-rootless|-ubuntu)?|buildx-stable-1(-rootless|-gpu)?"
            + "|v\\d+\\.\\d+\\.\\d+(-(rc|beta)\\d+)?(-rootless|-ubuntu)?");

    @Override
    public void visitStep(StepAnalysis step, Reporter reporter) {
        for (BuildkitContainer bc : step.mobyImageContainers()) {
            ImageRef image = bc.image();
            if (image.isTemplated() || image.tag() == null
                    || PUBLISHED.matcher(image.tag()).matches()) {
                continue;
            }
            var node = bc.container().image();
            if (image.tag().equals("latest-rootless")) {
                String fixed = image.repository() + ":v0.32.2-rootless";
                reporter.report(node, "`moby/buildkit:latest-rootless` is not a tag BuildKit publishes.", "The "
                        + "Buildkite guide used it until January 2026; upstream's moving rootless tag is `rootless`, and "
                        + "releases are `vX.Y.Z-rootless`. No upstream build produces it, so the pull is likely to fail "
                        + "(ErrImagePull) or to fetch a stale image.", new Fix("Use `" + fixed + "`.", "image: " + fixed,
                        List.of(YamlEdits.replace(node, fixed))));
            } else {
                reporter.report(Severity.WARNING, node, Headline.first("`" + image.tag() + "` is not in the scheme "
                        + "of tags BuildKit publishes.", "This tag is not in the scheme of tags BuildKit publishes."),
                        "BuildKit publishes `vX.Y.Z`, `vX.Y.Z-rootless`, `vX.Y.Z-ubuntu`, `latest`, `rootless`, "
                        + "`master`, `nightly`, `buildx-stable-1`, `buildx-stable-1-rootless` and "
                        + "`buildx-stable-1-gpu`, so the pull may fail or fetch something unexpected.", Fix.describe(
                        "Use a published tag.", "image: " + image.repository() + ":v0.32.2-rootless"));
            }
        }
    }
}
