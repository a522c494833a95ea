package ca.scalloy.engine.doc;

import ca.scalloy.engine.charge.Material;

/**
 * One addition of a heat, in the order the furnace crew makes it.
 *
 * @param order       1-based position
 * @param material    the material (its assay or formula is printed as the assay used)
 * @param plannedKg   kg to weigh
 * @param recoveryPct the recovery assumed for its main element, %, or null for a flux
 * @param tempC       the melt temperature for the addition, °C
 * @param note        how to add it (English key for the document's bundle, e.g. "note.meltDown")
 * @param lot         the lot to charge, or "" when none was chosen
 */
public record AdditionStep(int order, Material material, double plannedKg, Double recoveryPct, double tempC,
                           String note, String lot) {
}
