package ca.scalloy.engine.heat;

/**
 * One material line of a heat's charge.
 *
 * @param lineNo     1, 2, … in the planned order
 * @param materialId the material
 * @param plannedKg  what the charge engine planned, kg
 * @param weighedKg  what was weighed into the furnace, kg, or null before weighing
 * @param lotNumber  the lot charged, or null
 */
public record HeatLine(int lineNo, String materialId, double plannedKg, Double weighedKg, String lotNumber) {
}
