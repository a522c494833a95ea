package ca.scalloy.engine.library;

/**
 * One field that differs between two versions.
 *
 * @param field  the field's path, e.g. {@code batchMassKg}, {@code targets[Sc].maxPct},
 *               {@code materials[AL-P1020].compositionPct.Fe}
 * @param before its value in the older version, or null when the field was added
 * @param after  its value in the newer version, or null when the field was removed
 */
public record FieldChange(String field, String before, String after) {
}
