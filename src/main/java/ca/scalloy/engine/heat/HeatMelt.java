package ca.scalloy.engine.heat;

import java.util.List;

import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.charge.TrimCalculator;

/**
 * The metal in a heat's furnace now, for its next correction: the planned product mass, or after an
 * accepted correction the melt it was worked out for plus the metal its additions brought (never
 * the kg of oxide and flux charged, which mostly go to the slag).
 */
public final class HeatMelt {

    private HeatMelt() {
    }

    /**
     * @param heat   the heat with its accepted corrections
     * @param recipe the heat's recipe version (its lots applied), whose materials the corrections added
     * @param trim   the engine computation the corrections came from
     * @return kg of metal in the furnace
     */
    public static double nowKg(HeatRecord heat, Recipe recipe, TrimCalculator trim) {
        List<HeatCorrection> corrections = heat.corrections();
        if (corrections.isEmpty()) {
            return heat.heat().plannedKg();
        }
        HeatCorrection last = corrections.get(corrections.size() - 1);
        return trim.meltAfterKg(recipe, last.meltKg(), last.additionsKg());
    }
}
