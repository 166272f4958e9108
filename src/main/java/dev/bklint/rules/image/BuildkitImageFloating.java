package dev.bklint.rules.image;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.kubernetes.ImageRef;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.rules.Headline;
import dev.bklint.yaml.YamlEdits;
import java.util.List;

/** BK109: a moving {@code moby/buildkit} tag; builds change under you (master-rootless once shipped broken). */
public final class BuildkitImageFloating implements Rule {
    @Override
    public void visitStep(StepAnalysis step, Reporter reporter) {
        for (BuildkitContainer bc : step.mobyImageContainers()) {
            ImageRef image = bc.image();
            if (image.isTemplated() || image.hasDigest() || !floating(image.tag())) {
                continue;
            }
            String pinned = image.repository() + ":v0.32.2" + (image.isRootlessTag() ? "-rootless" : "");
            var node = bc.container().image();
            String tag = image.tag() == null ? "no tag (so `latest`)" : "the moving tag `" + image.tag() + "`";
            reporter.report(node, Headline.first("`" + image.text() + "` has " + tag + ".",
                    "This BuildKit image has " + tag + "."), "Each pull may bring a different BuildKit, so a build "
                    + "can break without any change of yours (`master-rootless` once shipped a broken image, "
                    + "moby/buildkit#6457). A digest pins it too.",
                    new Fix("Pin `" + pinned + "`.", "image: " + pinned,
                            List.of(YamlEdits.replace(node, pinned))));
        }
    }

    static boolean floating(String tag) {
        return tag == null || tag.equals("latest") || tag.equals("rootless") || tag.equals("latest-ubuntu")
                || tag.startsWith("master") || tag.startsWith("nightly") || tag.startsWith("buildx-stable-1");
    }
}
