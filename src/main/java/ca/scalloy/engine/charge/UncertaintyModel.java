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
 * that is a weighted 2-norm of the charge ({@link #rowSd}); {@link #addDrawnDeviation} draws the exact
 * product (content × recovery) for the Monte Carlo.
 *
 * <p>The row's variance is taken exactly, not to first order: the product of a content deviation
 * δc and a recovery deviation δr of the same kg adds the term δc·δr, whose mean is 0 and whose variance
 * is sd(δc)²·sd(δr)², uncorrelated with every linear term and with every other such product (each
 * pair shares at most one zero-mean factor). It is not small where the first order cancels: a content
 * deviation of a metallic material made up by its balance at the same recovery leaves the product mass
 * unchanged to first order (only the melt loss of the balance differs), while δc·δr still moves it.
 * Each such product is one more term of the weighted 2-norm ({@link #rowSd}), so the cone keeps its
 * form; the Monte Carlo draws δc and δr and never these products on their own.
 *
 * <p>The products also skew the row: its third and fourth cumulants ({@link #rowCumulants}) let the chance
 * constraints correct their quantile (docs/decisions/0016).
 */
final class UncertaintyModel {

    /** One independent normal deviation of one material. */
    record Source(int material, String element, boolean recovery, double sdPct, double[] yieldPerKgPerSd) {
    }

    /**
     * One product δc·δr of a material's exact yield: its effect on the kg of each element per unit of the
     * product of the two standardised deviations ({@code term}), and which of the material's sources (its
     * index in {@link #sources}' list) are the content and the recovery it multiplies.
     */
    private record Product(Source term, int content, int recovery) {
    }

    /**
     * The third and fourth cumulants of a limit's row per unit of each variable cubed and to the fourth:
     * at a charge x the row's are {@code Σ_j third_j·x_j³} and {@code Σ_j fourth_j·x_j⁴} (the materials'
     * deviations are independent, so their cumulants add).
     */
    record Cumulants(double[] third, double[] fourth) {
    }

    /**
     * A metallic material's assay laid out for the draws: per element it lists (in its assay's order), the
     * element's index, wt%, recovery fraction, melt-loss factor and nominal kg per kg into the product.
     */
    private record Assay(int balanceIndex, int[] index, double[] pct, double[] recovery, double[] loss, double[] nominal) {
    }

    private final ChargeModel model;
    private final List<List<Source>> byMaterial = new ArrayList<>();
    /**
     * Per material, the second-order terms δc·δr of the exact product (content × recovery), each as a
     * source of one unit variance: what a unit of it changes in the kg of each element per kg. Only the
     * row's variance uses them ({@link #rowSd}); the draws take the product itself.
     */
    private final List<List<Product>> productsByMaterial = new ArrayList<>();
    /** Per material, its products as a graph ({@link #graph}), built on first use. */
    private final Map<Integer, ProductGraph> graphs = new java.util.HashMap<>();
    private final Assay[] assays;
    /** Scratch of {@link #addDrawnDeviation}: the drawn content and recovery deviations per element, zero between calls. */
    private final double[] dContent;
    private final double[] dRecovery;
    private final boolean any;

    UncertaintyModel(ChargeModel model) {
        this.model = model;
        boolean found = false;
        for (int j = 0; j < model.materials.size(); j++) {
            List<Source> list = sources(j);
            byMaterial.add(list);
            productsByMaterial.add(products(j));
            found |= !list.isEmpty();
        }
        any = found;
        assays = new Assay[model.materials.size()];
        dContent = new double[model.elements.size()];
        dRecovery = new double[model.elements.size()];
    }

    private Assay assay(int j) {
        Assay a = assays[j];
        if (a == null) {
            Material m = model.materials.get(j);
            Recipe r = model.recipe;
            Map<String, Double> pct = m.composition().allWtPct();
            int n = pct.size();
            int[] index = new int[n];
            double[] p = new double[n];
            double[] rec = new double[n];
            double[] loss = new double[n];
            double[] nominal = new double[n];
            int i = 0;
            for (Map.Entry<String, Double> c : pct.entrySet()) {
                index[i] = model.elementIndex(c.getKey());
                p[i] = c.getValue();
                rec[i] = r.recoveryFraction(m, c.getKey());
                loss[i] = c.getKey().equals(r.balanceElement()) ? 1 - r.meltLossPct() / 100 : 1;
                nominal[i] = p[i] / 100 * rec[i] * loss[i];
                i++;
            }
            a = new Assay(model.elementIndex(m.composition().balanceElement()), index, p, rec, loss, nominal);
            assays[j] = a;
        }
        return a;
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

    /**
     * The products δc·δr of material j's exact yield, each with a standard deviation of sd(δc)·sd(δr).
     * A metallic material's content deviation of E (E up by δc, its balance B down by δc) multiplies
     * E's recovery deviation (E's kg by δc·δr_E·loss_E) and B's (B's kg by −δc·δr_B·loss_B); a
     * compound's content deviation multiplies its recovery's, as its delivered element with the Al its
     * reduction takes.
     */
    private List<Product> products(int j) {
        Material m = model.materials.get(j);
        Recipe r = model.recipe;
        MaterialUncertainty u = m.uncertainty();
        List<Source> linear = byMaterial.get(j);
        List<Product> out = new ArrayList<>();
        if (m.kind().isMetallic()) {
            String bal = m.composition().balanceElement();
            for (Map.Entry<String, Double> c : u.compositionSdPct().entrySet()) {
                if (c.getKey().equals(bal)) {
                    continue; // the balance's own content deviation is made up by itself: no change at all
                }
                for (String moved : new String[] {c.getKey(), bal}) {
                    double sdR = u.recoverySd(moved);
                    if (sdR > 0) {
                        double[] v = new double[model.elements.size()];
                        double lossFactor = moved.equals(r.balanceElement()) ? 1 - r.meltLossPct() / 100 : 1;
                        double sign = moved.equals(bal) ? -1 : 1;
                        v[model.elementIndex(moved)] += sign * c.getValue() / 100 * sdR / 100 * lossFactor;
                        out.add(new Product(new Source(j, moved, true, c.getValue() * sdR / 100, v),
                                indexOf(linear, c.getKey(), false), indexOf(linear, moved, true)));
                    }
                }
            }
        } else if (m.kind() == MaterialKind.COMPOUND) {
            String el = m.deliveredElement();
            double sdC = u.compositionSd(el);
            double sdR = u.recoverySd(el);
            if (sdC > 0 && sdR > 0) {
                double delivered = sdC / 100 * sdR / 100;
                out.add(new Product(new Source(j, el, true, sdC * sdR / 100,
                        compoundVector(el, delivered, ChargeModel.aluminiumTakenKgPerKgDelivered(m))),
                        indexOf(linear, el, false), indexOf(linear, el, true)));
            }
        }
        return out;
    }

    private static int indexOf(List<Source> sources, String element, boolean recovery) {
        for (int k = 0; k < sources.size(); k++) {
            if (sources.get(k).element().equals(element) && sources.get(k).recovery() == recovery) {
                return k;
            }
        }
        throw new IllegalStateException("no " + (recovery ? "recovery" : "content") + " deviation of " + element + " to multiply");
    }

    /**
     * The third and fourth cumulants of the row {@code kg of E − pct/100 · product kg}, per variable
     * (see {@link Cumulants}).
     *
     * <p>Per material, in its standardised sources ξ (each linear source one unit normal), the row's
     * deviation is a quadratic form {@code b·ξ + Σ_{k<l} B_kl ξ_k ξ_l}: b_k is the source's weight
     * {@code w} ({@link #rowSd}), B_kl the weight of the product of content source k and recovery source l
     * (zero elsewhere, and on the diagonal: no source multiplies itself). For ξ ~ N(0, I) and
     * {@code Q = ξᵀAξ + bᵀξ} with A symmetric, the cumulants are κ_r = 2^(r−1)(r−1)!·(tr A^r + (r/4)·bᵀA^(r−2)b)
     * (A. M. Mathai and S. B. Provost, Quadratic Forms in Random Variables, 1992, §3.2); with A = B/2:
     * <pre>
     *   κ2 = bᵀb + ½ tr B²            (the variance {@link #rowSd} takes: Σ b_k² + Σ_{k<l} B_kl²)
     *   κ3 = 3 bᵀB b + tr B³           = 6 Σ_{k<l} B_kl b_k b_l  (tr B³ = 0: content and recovery
     *                                     sources form a bipartite graph, which has no triangle)
     *   κ4 = 12 bᵀB²b + 3 tr B⁴
     * </pre>
     * So a product skews the row only through the two linear terms of its own factors: a content and a
     * recovery deviation that move the row the same way, times their product moving it that way too,
     * give a long tail on that side. Each b and B is proportional to the kg charged, so a material's κ3
     * grows with x³ and its κ4 with x⁴; the mass balance is in the row already (w subtracts pct/100 of
     * the product kg each source moves), so the division by the product mass adds nothing: the limit is
     * met exactly when the row is ≥ 0 (for a maximum, ≤ 0).
     */
    Cumulants rowCumulants(int e, double pct) {
        int nm = model.materials.size();
        double[] third = new double[nm];
        double[] fourth = new double[nm];
        for (int j = 0; j < nm; j++) {
            ProductGraph g = graph(j);
            if (g == null) {
                continue;
            }
            // Only the sources some product multiplies (the graph's nodes) enter κ3 and κ4: a zero row of B adds nothing.
            int n = g.source().length;
            List<Source> linear = byMaterial.get(j);
            double[] b = new double[n];
            for (int k = 0; k < n; k++) {
                b[k] = w(linear.get(g.source()[k]), e, pct);
            }
            int edges = g.from().length;
            double[] beta = new double[edges];
            double[] bTimesB = new double[n];
            for (int p = 0; p < edges; p++) {
                beta[p] = w(g.term()[p], e, pct);
                bTimesB[g.from()[p]] += beta[p] * b[g.to()[p]];
                bTimesB[g.to()[p]] += beta[p] * b[g.from()[p]];
            }
            // B² from the pairs of edges that meet at a node: (B²)_kl = Σ_m B_km B_ml.
            double[] b2 = new double[n * n];
            for (int m = 0; m < n; m++) {
                for (int p : g.incident()[m]) {
                    int k = g.from()[p] == m ? g.to()[p] : g.from()[p];
                    for (int q : g.incident()[m]) {
                        int l = g.from()[q] == m ? g.to()[q] : g.from()[q];
                        b2[k * n + l] += beta[p] * beta[q];
                    }
                }
            }
            double bBb = 0;
            double bB2b = 0;
            for (int k = 0; k < n; k++) {
                bBb += b[k] * bTimesB[k];
                bB2b += bTimesB[k] * bTimesB[k];
            }
            double trB3 = 0;
            for (int p = 0; p < edges; p++) {
                trB3 += 2 * beta[p] * b2[g.from()[p] * n + g.to()[p]];
            }
            double trB4 = 0;
            for (double v : b2) {
                trB4 += v * v;
            }
            double s = model.scale[j];
            third[j] = (3 * bBb + trB3) * s * s * s;
            fourth[j] = (12 * bB2b + 3 * trB4) * s * s * s * s;
        }
        return new Cumulants(third, fourth);
    }

    /**
     * Material j's products as a graph on the sources they multiply: node k is linear source {@code source[k]},
     * edge p joins nodes {@code from[p]} and {@code to[p]} with the product's effect {@code term[p]}, and
     * {@code incident[k]} lists the edges at node k. Null when the material has no product.
     */
    private record ProductGraph(int[] source, int[] from, int[] to, Source[] term, int[][] incident) {
    }

    private ProductGraph graph(int j) {
        if (!graphs.containsKey(j)) {
            graphs.put(j, buildGraph(productsByMaterial.get(j), byMaterial.get(j).size()));
        }
        return graphs.get(j);
    }

    private static ProductGraph buildGraph(List<Product> products, int sources) {
        if (products.isEmpty()) {
            return null;
        }
        int[] node = new int[sources];
        java.util.Arrays.fill(node, -1);
        List<Integer> source = new ArrayList<>();
        int edges = products.size();
        int[] from = new int[edges];
        int[] to = new int[edges];
        Source[] term = new Source[edges];
        for (int p = 0; p < edges; p++) {
            Product product = products.get(p);
            for (int k : new int[] {product.content(), product.recovery()}) {
                if (node[k] < 0) {
                    node[k] = source.size();
                    source.add(k);
                }
            }
            from[p] = node[product.content()];
            to[p] = node[product.recovery()];
            term[p] = product.term();
        }
        int n = source.size();
        List<List<Integer>> at = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            at.add(new ArrayList<>());
        }
        for (int p = 0; p < edges; p++) {
            at.get(from[p]).add(p);
            at.get(to[p]).add(p);
        }
        int[][] incident = new int[n][];
        for (int k = 0; k < n; k++) {
            incident[k] = at.get(k).stream().mapToInt(Integer::intValue).toArray();
        }
        return new ProductGraph(source.stream().mapToInt(Integer::intValue).toArray(), from, to, term, incident);
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
            for (Source k : allTerms(j)) {
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
            for (Source k : allTerms(j)) {
                double w = w(k, e, pct);
                var += xs * xs * w * w;
                slope += xs * xs * w * (-sum(k.yieldPerKgPerSd()) / 100);
            }
        }
        return var > 0 ? slope / Math.sqrt(var) : 0;
    }

    /** Material j's linear sources and its products δc·δr: every uncorrelated term of its row's variance. */
    private List<Source> allTerms(int j) {
        List<Product> products = productsByMaterial.get(j);
        if (products.isEmpty()) {
            return byMaterial.get(j);
        }
        List<Source> all = new ArrayList<>(byMaterial.get(j));
        products.forEach(p -> all.add(p.term()));
        return all;
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
     *
     * @return for a compound, the kg of its element the draw reduces into the product beyond the nominal
     *         (its reduction takes {@link ChargeModel#aluminiumTakenKgPerKgDelivered} of Al per kg of it); 0 otherwise
     */
    double addDrawnDeviation(int j, double kg, RandomGenerator random, double[] elementKg) {
        List<Source> list = byMaterial.get(j);
        if (list.isEmpty() || kg == 0) {
            return 0;
        }
        Material m = model.materials.get(j);
        if (m.kind().isMetallic()) {
            // Draw each content deviation (made up by the balance) and each recovery deviation, then the exact product.
            Assay a = assay(j);
            double balanceShift = 0;
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
            dContent[a.balanceIndex()] += balanceShift;
            for (int i = 0; i < a.index().length; i++) {
                int e = a.index()[i];
                if (dContent[e] == 0 && dRecovery[e] == 0) {
                    continue;
                }
                double drawn = (a.pct()[i] + dContent[e]) / 100 * (a.recovery()[i] + dRecovery[e]) * a.loss()[i];
                elementKg[e] += kg * (drawn - a.nominal()[i]);
            }
            // Scratch arrays back to zero for the next material: only the entries this one touched.
            for (int e : a.index()) {
                dContent[e] = 0;
                dRecovery[e] = 0;
            }
            dContent[a.balanceIndex()] = 0;
            return 0;
        } else if (m.kind() == MaterialKind.COMPOUND) {
            String el = m.deliveredElement();
            double content = m.elementContentKgPerKg(el);
            double rec = model.recipe.recoveryFraction(m, el);
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
            return extra;
        }
        return 0;
    }
}
