package ca.scalloy.engine.props;

/**
 * What a reported property rests on, for display beside its value.
 *
 * @param property the property, e.g. "density"
 * @param model    the model's name
 * @param source   where its parameters come from
 * @param validity the range where it holds
 * @param tag      confidence tag of its inputs (src, calc, est)
 */
public record ModelNote(String property, String model, String source, String validity, String tag) {
}
