package dev.bklint.buildkit;

import dev.bklint.kubernetes.EffectivePod;
import dev.bklint.pipeline.CommandStep;
import java.util.ArrayList;
import java.util.List;

/** A step that runs BuildKit, with its effective pod (null outside Kubernetes) and its BuildKit containers. */
public final class BuildkitStep {
    private final CommandStep step;
    private final EffectivePod pod;
    final List<BuildkitContainer> containers = new ArrayList<>();

    BuildkitStep(CommandStep step, EffectivePod pod) {
        this.step = step;
        this.pod = pod;
    }

    public CommandStep step() {
        return step;
    }

    public EffectivePod pod() {
        return pod;
    }

    public List<BuildkitContainer> containers() {
        return containers;
    }

    public List<BuildkitContainer> daemons() {
        List<BuildkitContainer> d = new ArrayList<>();
        for (BuildkitContainer c : containers) {
            if (c.runsDaemon()) {
                d.add(c);
            }
        }
        return d;
    }
}
