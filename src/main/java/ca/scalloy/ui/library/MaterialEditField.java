package ca.scalloy.ui.library;

/** The fields of the material editor (the kind is chosen from a list, see {@link LibraryViewModel#editKindProperty()}). */
public enum MaterialEditField {
    ID, NAME, KIND, ASSAY, PURITY_PCT, PRICE_PER_KG, CO2_KG_PER_KG, SOURCE, CONFIDENCE
}
