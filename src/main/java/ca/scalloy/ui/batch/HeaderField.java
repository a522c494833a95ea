package ca.scalloy.ui.batch;

/** The recipe-wide fields of the Batch screen. */
public enum HeaderField {
    NAME, GRADE, BATCH_MASS_KG, FURNACE_CAPACITY_KG, MELT_LOSS_PCT, CONFIDENCE_PCT, RECOVERY_PCT, HEEL_MASS_KG, HEEL_COMPOSITION_WT_PCT
}
