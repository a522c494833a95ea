package ca.scalloy.ui.common;

import java.util.Locale;

import ca.scalloy.engine.Quantities;

/**
 * The plant's formatting settings (currency, elements read in ppm) as the open database keeps them,
 * for every screen: one value per running workbench, replaced when a database opens or the settings
 * are saved. It is the one piece of shared state the formatting needs, because the settings belong
 * to the plant rather than to a screen; the value itself is immutable.
 */
public final class PlantUnits {

    private static volatile Quantities plant = Quantities.of(Locale.ROOT);

    private PlantUnits() {
    }

    /** The policy in {@code locale} with the plant's currency and ppm list. */
    public static Quantities in(Locale locale) {
        Quantities p = plant;
        return new Quantities(locale, p.currencyCode(), p.ppmElements(), p.zone());
    }

    /** Takes the plant's settings from {@code settings} (its locale is ignored). */
    public static void set(Quantities settings) {
        plant = settings;
    }

    /** Back to CAD and the default ppm list (a database without settings, tests). */
    public static void reset() {
        plant = Quantities.of(Locale.ROOT);
    }
}
