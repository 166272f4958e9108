package dev.bklint.pipeline;

import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import java.util.List;

/**
 * A command step: the mapping it was read from and the fields bklint uses. {@code image} and {@code env}
 * are the step's own; {@link #effectiveImage()} and {@link #effectiveEnv()} add the pipeline's defaults.
 */
public record CommandStep(
        Pipeline pipeline,
        YMap node,
        String label,
        CommandText command,
        Env env,
        YScalar image,
        YNode agents,
        List<PluginUse> plugins,
        YNode timeoutInMinutes) {

    /** The step's {@code image:}, else the pipeline's; null when neither is set. */
    public YScalar effectiveImage() {
        return image != null ? image : pipeline.image();
    }

    /** Step env over pipeline env. */
    public Env effectiveEnv() {
        return env.over(pipeline.env());
    }

    /** The step's {@code agents:}, else the pipeline's; null when neither is set. */
    public YNode effectiveAgents() {
        return agents != null ? agents : pipeline.agents();
    }

    /** A short name for messages: the label, else the line it starts on. */
    public String displayName() {
        return label != null ? label : "step at line " + node.span().line();
    }
}
