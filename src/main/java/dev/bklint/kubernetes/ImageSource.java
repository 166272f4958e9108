package dev.bklint.kubernetes;

/** Where a container's effective image came from. */
public enum ImageSource {
    POD_SPEC("the podSpec container"),
    STEP_IMAGE("the step's `image:`"),
    PIPELINE_IMAGE("the pipeline's `image:`"),
    PATCH("the plugin's podSpecPatch"),
    CONTROLLER_PATCH("the controller's pod-spec-patch"),
    CONTROLLER_DEFAULT("the controller's default agent image");

    private final String description;

    ImageSource(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
