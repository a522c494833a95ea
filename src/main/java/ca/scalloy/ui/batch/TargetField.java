package ca.scalloy.ui.batch;

/** The columns of the targets table. */
public enum TargetField {
    ELEMENT, MIN_WT_PCT, AIM_WT_PCT, MAX_WT_PCT
}
