package ca.scalloy.engine.charge;

import java.util.List;

/** The objectives and the bound of each point of a cost-against-CO2 (or -Sc) front (ε-constraint method). */
final class Front {

    private Front() {
    }

    /** Per variable, kg on {@code axis} per unit: kg CO2e, or kg of Sc charged. */
    static double[] axisRow(ChargeProgram p, ParetoPoint.Axis axis) {
        if (axis == ParetoPoint.Axis.CO2) {
            return p.co2.clone();
        }
        double[] row = new double[p.model.materials.size()];
        for (int j = 0; j < row.length; j++) {
            row[j] = p.model.materials.get(j).elementContentKgPerKg("Sc") * p.model.scale[j];
        }
        return row;
    }

    /** The least cost, the axis as tie-breaker: the front's dear-on-the-axis end. */
    static ChargeCalculator.Objectives cheapest(ParetoPoint.Axis axis) {
        return p -> List.of(p.cost, axisRow(p, axis));
    }

    /** The least on the axis, cost as tie-breaker: the front's other end. */
    static ChargeCalculator.Objectives leanest(ParetoPoint.Axis axis) {
        return p -> List.of(axisRow(p, axis), p.cost);
    }

    /** The least cost with the axis at most {@code bound}, the axis as tie-breaker. */
    static ChargeCalculator.Objectives bounded(ParetoPoint.Axis axis, double bound) {
        return p -> {
            double[] row = axisRow(p, axis);
            p.builder.addConstraint("front " + axis + " at most", row, Double.NEGATIVE_INFINITY, bound);
            return List.of(p.cost, row);
        };
    }

    /** kg of Sc a charge takes from its materials. */
    static double scChargedKg(Recipe recipe, ChargeResult r) {
        double kg = 0;
        for (ChargeLine l : r.charge()) {
            kg += recipe.material(l.materialId()).map(m -> m.elementContentKgPerKg("Sc")).orElse(0.0) * l.massKg();
        }
        return kg;
    }

    static double value(ParetoPoint.Axis axis, Recipe recipe, ChargeResult r) {
        return axis == ParetoPoint.Axis.CO2 ? r.co2TotalKg() : scChargedKg(recipe, r);
    }

    static ParetoPoint point(Recipe recipe, ChargeResult r) {
        return new ParetoPoint(r.costTotal(), r.co2TotalKg(), scChargedKg(recipe, r));
    }
}
