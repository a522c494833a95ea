package ca.scalloy.ui.batch;

import ca.scalloy.engine.charge.MaterialKind;

/**
 * One line of the charge table.
 *
 * @param pieces number of pieces, or null when the material has no piece mass
 */
public record ChargeRow(String materialId, String name, MaterialKind kind, double massKg, Double pieces, double cost) {
}
