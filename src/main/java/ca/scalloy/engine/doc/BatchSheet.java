package ca.scalloy.engine.doc;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import ca.scalloy.engine.charge.ChargeAnalysis;
import ca.scalloy.engine.charge.ChargeCertainty;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.ChargeSensitivity;
import ca.scalloy.engine.charge.ElementTarget;
import ca.scalloy.engine.charge.Recipe;

/**
 * Everything a batch (charge) sheet prints for the furnace floor: the header, the grade and planned
 * mass, the additions in order with their temperatures, the limits each analysis is checked
 * against, and the expected yield.
 *
 * @param header          document header
 * @param recipeName      the recipe
 * @param grade           the grade
 * @param plannedMassKg   planned product mass, kg
 * @param melt            the product's liquidus (with its primary phase) and minimum holding temperature
 * @param additions       the additions in order
 * @param limits          the element limits (the recipe's targets)
 * @param chargedKg       kg charged in all
 * @param expectedDrossKg expected dross, kg
 * @param expectedSlagKg  expected slag, kg
 * @param meltLossPct     the melt loss assumed, %
 * @param scRecoveryPct   the Sc recovery assumed over the charge, %, or null
 * @param costPerKg       planned cost per kg of product
 * @param certainty       the charge's probability of passing the first sample (and price of certainty), or null
 *                        when unknown
 * @param sensitivity     what each limit costs and each material's price range, printed as an appendix; null
 *                        when not asked
 */
public record BatchSheet(SheetHeader header, String recipeName, String grade, double plannedMassKg, MeltHolding melt,
                         List<AdditionStep> additions, List<ElementTarget> limits,
                         double chargedKg, double expectedDrossKg, double expectedSlagKg, double meltLossPct,
                         Double scRecoveryPct, double costPerKg, ChargeCertainty certainty, ChargeSensitivity sensitivity) {

    /** A sheet without the probability of passing or the sensitivity appendix. */
    public BatchSheet(SheetHeader header, String recipeName, String grade, double plannedMassKg, MeltHolding melt,
                      List<AdditionStep> additions, List<ElementTarget> limits, double chargedKg, double expectedDrossKg,
                      double expectedSlagKg, double meltLossPct, Double scRecoveryPct, double costPerKg) {
        this(header, recipeName, grade, plannedMassKg, melt, additions, limits, chargedKg, expectedDrossKg, expectedSlagKg, meltLossPct,
                scRecoveryPct, costPerKg, null, null);
    }

    /**
     * This sheet with the analysis of its charge: its probability of passing, and (when the analysis has one)
     * the sensitivity appendix.
     */
    public BatchSheet withAnalysis(ChargeAnalysis analysis) {
        return new BatchSheet(header, recipeName, grade, plannedMassKg, melt, additions, limits, chargedKg, expectedDrossKg,
                expectedSlagKg, meltLossPct, scRecoveryPct, costPerKg, analysis.certainty(), analysis.sensitivity());
    }

    /** This sheet without the sensitivity appendix. */
    public BatchSheet withoutSensitivity() {
        return new BatchSheet(header, recipeName, grade, plannedMassKg, melt, additions, limits, chargedKg, expectedDrossKg,
                expectedSlagKg, meltLossPct, scRecoveryPct, costPerKg, certainty, null);
    }

    public BatchSheet {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(melt, "melt");
        additions = List.copyOf(additions);
        limits = List.copyOf(limits);
    }

    /** The product's liquidus, degrees C. */
    public double liquidusC() {
        return melt.liquidusC();
    }

    /** The minimum holding temperature of the melt (liquidus + superheat, at least the floor), degrees C. */
    public double holdingTempC() {
        return melt.holdingTempC();
    }

    /**
     * The sheet of a solved recipe.
     *
     * @param superheatC superheat above the liquidus for holding, degrees C
     * @throws IllegalArgumentException when the charge is infeasible (there is nothing to weigh)
     */
    public static BatchSheet of(SheetHeader header, Recipe recipe, ChargeResult charge, double superheatC) {
        return of(header, recipe, charge, superheatC, Map.of());
    }

    /**
     * The sheet of a planned heat: as {@link #of(SheetHeader, Recipe, ChargeResult, double)}, with the
     * lot chosen for each material printed on its line (the recipe should carry the lots' assays).
     */
    public static BatchSheet of(SheetHeader header, Recipe recipe, ChargeResult charge, double superheatC,
                                Map<String, String> lotByMaterial) {
        if (!charge.solved()) {
            throw new IllegalArgumentException("recipe '" + recipe.name() + "' has no feasible charge: "
                    + charge.diagnosis().get(0).message());
        }
        MeltHolding melt = AdditionPlanner.holding(charge.productComposition(recipe.balanceElement()), superheatC);
        List<AdditionStep> steps = AdditionPlanner.plan(recipe, charge, melt.liquidusC(), melt.superheatC(), lotByMaterial);
        return new BatchSheet(header, recipe.name(), recipe.grade(), charge.productMassKg(), melt, steps, recipe.targets(),
                charge.inKg() - charge.heelKg(),
                charge.drossKg(), charge.slagKg(), recipe.meltLossPct(), charge.scRecoveryPct(), charge.costPerKgProduct());
    }
}
