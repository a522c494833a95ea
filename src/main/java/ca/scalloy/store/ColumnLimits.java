package ca.scalloy.store;

/**
 * The lengths of the database's text columns (the VARCHAR sizes of the migrations in
 * {@code db/migration}), so that a text too long is refused with its field and the limit before a
 * write is tried, rather than by the database's own error half-way through a transaction.
 * Lengths count UTF-16 units, never fewer than the characters H2 and PostgreSQL count.
 */
public final class ColumnLimits {

    /** {@code lots.lot_number}, {@code heats.heat_number}, {@code samples.sample_number}. */
    public static final int NUMBER = 100;
    /** {@code materials.material_id}, {@code lots.material_id}, {@code heat_lines.material_id}. */
    public static final int MATERIAL_ID = 64;
    /** {@code materials.name}, {@code recipes.name}, {@code recipe_versions.grade}, {@code specifications.name}. */
    public static final int NAME = 200;
    /** {@code materials.source}, {@code lots.certificate}, notes and reasons. */
    public static final int TEXT = 1000;
    /** {@code materials.confidence}, {@code specification_versions.revision}/{@code confidence}, furnace, operator, users. */
    public static final int SHORT = 100;
    /** {@code settings.setting_key}. */
    public static final int SETTING_KEY = 100;
    /** {@code settings.setting_value}. */
    public static final int SETTING_VALUE = 1000;
    /** {@code specifications.sector}. */
    public static final int SECTOR = 40;

    private ColumnLimits() {
    }

    /**
     * @param field how the caller names the field
     * @param value the text, or null (nothing to check)
     * @param limit the column's size
     * @throws TextTooLongException when {@code value} is longer than {@code limit}
     */
    public static void check(String field, String value, int limit) {
        if (value != null && value.length() > limit) {
            throw new TextTooLongException(field, value.length(), limit);
        }
    }
}
