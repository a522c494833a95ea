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
        for (int j = 0; j < n; j++) {
            kg[j] = result.massKg(model.materials.get(j).id());
            for (int e = 0; e < ne; e++) {
                nominal[e] += model.yield[j][e] / model.scale[j] * kg[j];
            }
        }
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
            for (int j = 0; j < n; j++) {
                u.addDrawnDeviation(j, kg[j], random, elementKg);
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
}
