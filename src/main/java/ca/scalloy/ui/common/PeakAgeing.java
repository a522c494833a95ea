package ca.scalloy.ui.common;

import ca.scalloy.engine.props.Ageing;

/**
 * The ageing the screens assume unless told otherwise: 325 °C for 4 h, the usual peak ageing of
 * Scalmalloy-type Al-Mg-Sc (al-sc-data §4).
 */
public final class PeakAgeing {

    public static final double TEMP_C = 325;
    public static final double HOURS = 4;

    private PeakAgeing() {
    }

    /** {@link #TEMP_C} for {@link #HOURS}. */
    public static Ageing ageing() {
        return Ageing.aged(TEMP_C, HOURS);
    }
}
