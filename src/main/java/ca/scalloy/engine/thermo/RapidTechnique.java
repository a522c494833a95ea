package ca.scalloy.engine.thermo;

/** The rapid-solidification techniques whose limits {@code rapid-solidification-limits.csv} gives. */
public enum RapidTechnique {
    LASER_POWDER_BED_FUSION,
    ATOMISED_POWDER,
    MELT_SPINNING
}
