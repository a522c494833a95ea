package ca.scalloy.engine.charge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The materials' {@link MaterialUncertainty} laid over a {@link ChargeModel}: each stated standard
 * deviation is one independent normal source, and what one standard deviation of it changes in the
 * kg of every element a kg of the material puts into the product.
 *
 * <p>A metallic material's content deviation of element E is made up by its balance element (E up,
 * the balance down, each times its recovery); a recovery deviation changes only that element's
 * delivery. A compound's content or recovery deviation changes the element it delivers and, with it,
 * the aluminium its reduction takes (valence/3 mol per mol). To first order these are linear in the
 * deviations, which makes each composition limit's row a normal variable with a standard deviation
 * that is a weighted 2-norm of the charge ({@link #rowSd}); {@link #drawYieldPerKg} draws the exact
 * product (content × recovery) for the Monte Carlo.
 */
final class UncertaintyModel {

    /** One independent normal deviation of one material. */
    record Source(int material, String element, boolean recovery, double sdPct, double[] yieldPerKgPerSd) {
    }

    private final ChargeModel model;
    private final List<List<Source>> byMaterial = new ArrayList<>();
    private final boolean any;

    UncertaintyModel(ChargeModel model) {
        this.model = model;
        boolean found = false;
        for (int j = 0; j < model.materials.size(); j++) {
            List<Source> list = sources(j);
            byMaterial.add(list);
            found |= !list.isEmpty();
        }
        any = found;
    }

    /** Whether any material states a deviation. */
    boolean any() {
        return any;
    }

    private List<Source> sources(int j) {
        Material m = model.materials.get(j);
        Recipe r = model.recipe;
        MaterialUncertainty u = m.uncertainty();
        List<Source> out = new ArrayList<>();
        int ne = model.elements.size();
        if (m.kind().isMetallic()) {
            String bal = m.composition().balanceElement();
            for (Map.Entry<String, Double> e : u.compositionSdPct().entrySet()) {
                double[] v = new double[ne];
                v[model.elementIndex(e.getKey())] += e.getValue() / 100 * recovery(r, m, e.getKey());
                v[model.elementIndex(bal)] -= e.getValue() / 100 * recovery(r, m, bal);
                out.add(new Source(j, e.getKey(), false, e.getValue(), v));
            }
            for (Map.Entry<String, Double> e : u.recoverySdPct().entrySet()) {
                double[] v = new double[ne];
                double lossFactor = e.getKey().equals(r.balanceElement()) ? 1 - r.meltLossPct() / 100 : 1;
                v[model.elementIndex(e.getKey())] += m.composition().pct(e.getKey()) / 100 * e.getValue() / 100 * lossFactor;
                out.add(new Source(j, e.getKey(), true, e.getValue(), v));
            }
        } else if (m.kind() == MaterialKind.COMPOUND) {
            String el = m.deliveredElement();
            double alPerKg = ChargeModel.aluminiumTakenKgPerKgDelivered(m);
            double sdC = u.compositionSd(el);
            if (sdC > 0) {
                double delivered = sdC / 100 * r.recoveryFraction(m, el);
                out.add(new Source(j, el, false, sdC, compoundVector(el, delivered, alPerKg)));
            }
            double sdR = u.recoverySd(el);
            if (sdR > 0) {
                double delivered = m.elementContentKgPerKg(el) * sdR / 100;
                out.add(new Source(j, el, true, sdR, compoundVector(el, delivered, alPerKg)));
            }
        }
        return out;
    }

    private double[] compoundVector(String el, double deliveredKg, double alPerKg) {
        double[] v = new double[model.elements.size()];
        v[model.elementIndex(el)] += deliveredKg;
        v[model.elementIndex(ChargeModel.REDUCER)] -= alPerKg * deliveredKg;
        return v;
    }

    /** Recovery fraction of a metallic material's element into the metal, the melt loss included for the balance. */
    private static double recovery(Recipe r, Material m, String element) {
        double rec = r.recoveryFraction(m, element);
        return element.equals(r.balanceElement()) ? rec * (1 - r.meltLossPct() / 100) : rec;
    }

    /**
     * Per variable of the program (material order), the standard deviation per unit of that variable of
     * the row {@code kg of E − pct/100 · product kg}: {@code s_j = scale_j · √Σ_k w_k²} with
     * {@code w_k = v_k[E] − pct/100 · Σ_e v_k[e]}. The row's standard deviation at a charge x is
     * {@code √Σ_j (s_j x_j)²}.
     */
    double[] rowSd(int e, double pct) {
        double[] s = new double[model.materials.size()];
        for (int j = 0; j < s.length; j++) {
            double sum = 0;
            for (Source k : byMaterial.get(j)) {
                double w = w(k, e, pct);
                sum += w * w;
            }
            s[j] = model.scale[j] * Math.sqrt(sum);
        }
        return s;
    }

    /**
     * ∂σ/∂pct of that row at charge {@code x} (variables), for a limit moved by one percentage point:
     * {@code (1/σ) Σ_j x_j² scale_j² Σ_k w_k · ∂w_k/∂pct}, with {@code ∂w_k/∂pct = −Σ_e v_k[e] / 100}.
     */
    double rowSdSlope(int e, double pct, double[] x) {
        double var = 0;
        double slope = 0;
        for (int j = 0; j < model.materials.size(); j++) {
            double xs = x[j] * model.scale[j];
            for (Source k : byMaterial.get(j)) {
                double w = w(k, e, pct);
                var += xs * xs * w * w;
                slope += xs * xs * w * (-sum(k.yieldPerKgPerSd()) / 100);
            }
        }
        return var > 0 ? slope / Math.sqrt(var) : 0;
    }

    private static double w(Source k, int e, double pct) {
        return k.yieldPerKgPerSd()[e] - pct / 100 * sum(k.yieldPerKgPerSd());
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a;
        }
        return s;
    }

    /**
     * Draws one realisation of material {@code j}'s kg of each element into the product per kg charged
     * (the exact product of the drawn content and the drawn recovery, not the linearisation) and adds
     * the difference from the nominal, times {@code kg}, to {@code elementKg}.
     */
    void addDrawnDeviation(int j, double kg, RandomGenerator random, double[] elementKg) {
        List<Source> list = byMaterial.get(j);
        if (list.isEmpty() || kg == 0) {
            return;
        }
        Material m = model.materials.get(j);
        Recipe r = model.recipe;
        if (m.kind().isMetallic()) {
            String bal = m.composition().balanceElement();
            Map<String, Double> pct = m.composition().allWtPct();
            // Draw each content deviation (made up by the balance) and each recovery deviation, then the exact product.
            double balanceShift = 0;
            double[] dContent = new double[model.elements.size()];
            double[] dRecovery = new double[model.elements.size()];
            for (Source k : list) {
                int e = model.elementIndex(k.element());
                double g = random.nextGaussian() * k.sdPct();
                if (k.recovery()) {
                    dRecovery[e] += g / 100;
                } else {
                    dContent[e] += g;
                    balanceShift -= g;
                }
            }
            dContent[model.elementIndex(bal)] += balanceShift;
            for (Map.Entry<String, Double> c : pct.entrySet()) {
                int e = model.elementIndex(c.getKey());
                if (dContent[e] == 0 && dRecovery[e] == 0) {
                    continue;
                }
                double loss = c.getKey().equals(r.balanceElement()) ? 1 - r.meltLossPct() / 100 : 1;
                double rec = r.recoveryFraction(m, c.getKey());
                double nominal = c.getValue() / 100 * rec * loss;
                double drawn = (c.getValue() + dContent[e]) / 100 * (rec + dRecovery[e]) * loss;
                elementKg[e] += kg * (drawn - nominal);
            }
        } else if (m.kind() == MaterialKind.COMPOUND) {
            String el = m.deliveredElement();
            double content = m.elementContentKgPerKg(el);
            double rec = r.recoveryFraction(m, el);
            double dC = 0;
            double dR = 0;
            for (Source k : list) {
                double g = random.nextGaussian() * k.sdPct() / 100;
                if (k.recovery()) {
                    dR += g;
                } else {
                    dC += g;
                }
            }
            double extra = ((content + dC) * (rec + dR) - content * rec) * kg;
            elementKg[model.elementIndex(el)] += extra;
            elementKg[model.elementIndex(ChargeModel.REDUCER)] -= ChargeModel.aluminiumTakenKgPerKgDelivered(m) * extra;
        }
    }
}
