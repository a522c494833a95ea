package ca.scalloy.ui.specs;

/** The single fields of the specification editor. */
public enum SpecField {
    NAME, SECTOR, REVISION, SOURCE, CONFIDENCE, OTHERS_EACH_MAX_PCT, OTHERS_TOTAL_MAX_PCT
}
