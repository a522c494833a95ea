package ca.scalloy.engine.props;

import java.util.Objects;

import ca.scalloy.engine.Message;

/**
 * What a reported property rests on, for display beside its value: each text a {@link Message}, so that the
 * workbench words it from its bundles and the command line prints its English.
 *
 * @param property the property, e.g. "density"
 * @param model    the model's name
 * @param source   where its parameters come from (citations keep their authors, years and journals)
 * @param validity the range where it holds
 * @param tag      confidence tag of its inputs (src, calc, est)
 */
public record ModelNote(String property, Message model, Message source, Message validity, String tag) {

    public ModelNote {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(tag, "tag");
    }
}
