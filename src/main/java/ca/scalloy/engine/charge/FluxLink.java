package ca.scalloy.engine.charge;

import java.util.Objects;

/**
 * The flux a compound is charged under: {@code kgPerKg} kg of the flux material for each kg of the compound.
 *
 * @param materialId the id of a FLUX material in the same recipe
 * @param kgPerKg    flux-to-compound mass ratio, finite and &gt;= 0
 */
public record FluxLink(String materialId, double kgPerKg) {
    public FluxLink {
        Objects.requireNonNull(materialId, "flux.materialId");
        if (!Double.isFinite(kgPerKg) || kgPerKg < 0) {
            throw new IllegalArgumentException("flux.kgPerKg must be a number >= 0, was " + kgPerKg);
        }
    }
}
