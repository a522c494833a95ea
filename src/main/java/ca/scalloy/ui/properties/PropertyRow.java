package ca.scalloy.ui.properties;

/**
 * One line of the properties table, in words ready to show.
 *
 * @param id         stable name of the property, e.g. "density"
 * @param name       the property, localized
 * @param value      the value with its uncertainty where it has one, e.g. "672 ± 30"
 * @param unit       the unit, e.g. "°C"
 * @param model      the model's name (as the engine gives it)
 * @param source     where its parameters come from
 * @param validity   the range where the model holds
 * @param confidence the confidence tag, localized ("estimate", "calculated", "from a source")
 */
public record PropertyRow(String id, String name, String value, String unit, String model, String source, String validity,
                          String confidence) {
}
