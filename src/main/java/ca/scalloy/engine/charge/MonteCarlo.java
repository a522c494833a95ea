package ca.scalloy.engine.charge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The probability that a charge's first sample passes: the charge as weighed is melted many times
 * over, each time with every stated deviation drawn at random (independent normals, the same
 * distributions the chance constraints assume, with the exact product of content and recovery), and
 * the product's analysis checked against every limit. A draw passes an element when its wt% is
 * within the element's limits; it passes the analysis when every element passes.
 *
 * <p>A compound's reduction takes aluminium from the melt. Where a draw asks the compounds for more
 * than the melt holds (the aluminium left would be negative), the reductions stop where the aluminium
 * runs out, each short by the same share of what it would have reduced: the product holds no aluminium
 * and less of the compounds' elements, the rest of them staying in the slag. (Treating the missing
 * aluminium as none at all would add mass the charge never had, diluting every other element.)
 */
public final class MonteCarlo {

    /** A drawn wt% within this of a limit counts as on it (the charge's own limit check uses the same). */
    private static final double LIMIT_TOLERANCE_PCT = ChargeResult.LIMIT_TOLERANCE_PCT;

    private MonteCarlo() {
    }

    /**
     * The estimate for {@code result}, a solved charge of {@code recipe}.
     *
     * @throws IllegalArgumentException when the charge is not solved or {@code draws} &lt; 1
     */
    public static PassProbability passProbability(Recipe recipe, ChargeResult result, int draws, long seed) {
        if (!result.solved()) {
            throw new IllegalArgumentException("an infeasible charge has no sample to pass");
        }
        if (draws < 1) {
            throw new IllegalArgumentException("draws must be at least 1, was " + draws);
        }
        ChargeModel model = new ChargeModel(recipe);
        UncertaintyModel u = new UncertaintyModel(model);
        int n = model.materials.size();
        int ne = model.elements.size();
        double[] kg = new double[n];
        double[] nominal = model.heelKg.clone();
        // Per compound charged: the element it delivers, the kg of it reduced at nominal, and the Al taken per kg of it.
        int[] delivers = new int[n];
        double[] nominalDelivered = new double[n];
        double[] alPerKg = new double[n];
        for (int j = 0; j < n; j++) {
            Material m = model.materials.get(j);
            kg[j] = result.massKg(m.id());
            for (int e = 0; e < ne; e++) {
                nominal[e] += model.yield[j][e] / model.scale[j] * kg[j];
            }
            delivers[j] = -1;
            if (m.kind() == MaterialKind.COMPOUND && kg[j] > 0) {
                delivers[j] = model.elementIndex(m.deliveredElement());
                nominalDelivered[j] = model.yield[j][delivers[j]] / model.scale[j] * kg[j];
                alPerKg[j] = ChargeModel.aluminiumTakenKgPerKgDelivered(m);
            }
        }
        int reducer = model.elementIndex(ChargeModel.REDUCER);
        double[] delivered = new double[n];
        List<ElementTarget> targets = recipe.targets();
        int[] index = new int[targets.size()];
        for (int t = 0; t < index.length; t++) {
            index[t] = model.elementIndex(targets.get(t).element());
        }
        int[] passed = new int[targets.size()];
        int allPassed = 0;
        SplittableRandom random = new SplittableRandom(seed);
        double[] elementKg = new double[ne];
        for (int d = 0; d < draws; d++) {
            System.arraycopy(nominal, 0, elementKg, 0, ne);
            double alTakenKg = 0;
            for (int j = 0; j < n; j++) {
                double extra = u.addDrawnDeviation(j, kg[j], random, elementKg);
                if (delivers[j] >= 0) {
                    delivered[j] = nominalDelivered[j] + extra;
                    alTakenKg += alPerKg[j] * delivered[j];
                }
            }
            if (reducer >= 0 && elementKg[reducer] < 0 && alTakenKg > 0) {
                stopReductionsWhereTheAluminiumRunsOut(elementKg, reducer, alTakenKg, delivers, delivered);
            }
            double productKg = 0;
            for (double v : elementKg) {
                productKg += Math.max(0, v);
            }
            boolean all = true;
            for (int t = 0; t < index.length; t++) {
                double pct = productKg > 0 ? 100 * Math.max(0, elementKg[index[t]]) / productKg : 0;
                ElementTarget target = targets.get(t);
                boolean ok = (target.minPct() == null || pct >= target.minPct() - LIMIT_TOLERANCE_PCT)
                        && (target.maxPct() == null || pct <= target.maxPct() + LIMIT_TOLERANCE_PCT);
                if (ok) {
                    passed[t]++;
                } else {
                    all = false;
                }
            }
            if (all) {
                allPassed++;
            }
        }
        Map<String, Double> perElement = new LinkedHashMap<>();
        for (int t = 0; t < index.length; t++) {
            perElement.put(targets.get(t).element(), (double) passed[t] / draws);
        }
        double rate = (double) allPassed / draws;
        return new PassProbability(draws, seed, rate, PassProbability.standardError(rate, draws), perElement);
    }

    /**
     * The draw's reductions asked for {@code alTakenKg} of aluminium and left {@code elementKg[reducer]} (&lt; 0):
     * they complete only the share {@code f = 1 + elementKg[reducer] / alTakenKg} of what each would have
     * reduced, which leaves exactly no aluminium in the product.
     */
    private static void stopReductionsWhereTheAluminiumRunsOut(double[] elementKg, int reducer, double alTakenKg, int[] delivers,
                                                              double[] delivered) {
        double notReduced = Math.min(1, -elementKg[reducer] / alTakenKg); // 1 − f
        for (int j = 0; j < delivers.length; j++) {
            if (delivers[j] >= 0) {
                elementKg[delivers[j]] -= notReduced * delivered[j];
            }
        }
        elementKg[reducer] = 0;
    }
}
