package ca.scalloy.ui.batch;

/** The text columns of the materials table (the kind is chosen from a list, see {@link MaterialRow#kindProperty()}). */
public enum MaterialField {
    ID, NAME, KIND, ASSAY, PURITY_PCT, RECOVERY_PCT, PRICE_PER_KG, CO2_KG_PER_KG, MIN_KG, MAX_KG, FIXED_KG, PIECE_MASS_KG,
    FLUX_ID, FLUX_KG_PER_KG
}
