package ca.scalloy.ui.batch;

/**
 * The text columns of the materials table (the kind is chosen from a list, see {@link MaterialRow#kindProperty()}).
 * {@link #ASSAY_SD_PCT} and {@link #RECOVERY_SD_PCT} are the material's stated uncertainty ("Sc=0.2"), issue 14.
 */
public enum MaterialField {
    ID, NAME, KIND, ASSAY, PURITY_PCT, RECOVERY_PCT, ASSAY_SD_PCT, RECOVERY_SD_PCT, PRICE_PER_KG, CO2_KG_PER_KG, MIN_KG, MAX_KG, FIXED_KG, PIECE_MASS_KG,
    FLUX_ID, FLUX_KG_PER_KG
}
