package ca.scalloy.engine.charge;

/**
 * One material of a solved charge.
 *
 * @param materialId the material's id
 * @param name       the material's name
 * @param kind       the material's kind
 * @param massKg     kg to charge, &gt;= 0
 * @param pieces     number of pieces (whole when solved for whole pieces, else massKg / pieceMassKg), or null
 *                   when the material has no piece mass
 * @param costTotal  massKg × price
 * @param co2Kg      massKg × CO2 per kg
 */
public record ChargeLine(String materialId, String name, MaterialKind kind, double massKg, Double pieces,
                         double costTotal, double co2Kg) {
}
