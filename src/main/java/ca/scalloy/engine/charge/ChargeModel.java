package ca.scalloy.engine.charge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.scalloy.engine.Elements;

/**
 * The linear mass balance of a recipe: for each material, how many kg of each element one unit of
 * its decision variable puts into the product, into the slag and into the dross.
 *
 * <p>Metallic charges deliver their assay times the recovery; the unrecovered share goes to the
 * dross, and so does the melt loss of the balance element. A compound delivers its reducible
 * element (formula share × purity × recovery) and takes {@code valence/3} mol of Al out of the
 * metal per mol delivered; that Al, the compound's anions, its unreduced share and impurities go
 * to the slag. A flux goes wholly to the slag. The heel enters the product as it is.
 */
final class ChargeModel {

    /** The aluminium that reduces compounds. */
    static final String REDUCER = "Al";

    final Recipe recipe;
    final List<Material> materials;
    final List<String> elements;
    /** kg of element e into the product per unit of variable j: {@code yield[j][e]}. */
    final double[][] yield;
    /** kg into the product per unit of variable j. */
    final double[] productYield;
    /** kg of material per unit of variable j: the piece mass for whole-piece variables, else 1. */
    final double[] scale;
    final boolean[] integer;
    final double[] heelKg;
    final double heelMassKg;
    /** A mass that turns kg deviations into wt% for weighting (the batch mass where known). */
    final double refMassKg;

    ChargeModel(Recipe recipe) {
        this.recipe = recipe;
        this.materials = recipe.materials();
        this.elements = List.copyOf(collectElements(recipe));
        int n = materials.size();
        yield = new double[n][elements.size()];
        productYield = new double[n];
        scale = new double[n];
        integer = new boolean[n];
        for (int j = 0; j < n; j++) {
            Material m = materials.get(j);
            integer[j] = recipe.wholePieces() && m.pieceMassKg() != null && m.fixedKg() == null;
            scale[j] = integer[j] ? m.pieceMassKg() : 1.0;
            double[] perKg = deliveredKgPerKg(m);
            for (int e = 0; e < elements.size(); e++) {
                yield[j][e] = perKg[e] * scale[j];
                productYield[j] += yield[j][e];
            }
        }
        heelKg = new double[elements.size()];
        for (int e = 0; e < elements.size(); e++) {
            heelKg[e] = recipe.heel().elementKg(elements.get(e));
        }
        heelMassKg = recipe.heel().massKg();
        refMassKg = referenceMass(recipe);
    }

    private static Set<String> collectElements(Recipe recipe) {
        Set<String> els = new LinkedHashSet<>();
        els.add(recipe.balanceElement());
        els.addAll(recipe.heel().composition().allWtPct().keySet());
        for (Material m : recipe.materials()) {
            if (m.kind().isMetallic()) {
                els.addAll(m.composition().allWtPct().keySet());
            } else if (m.kind() == MaterialKind.COMPOUND) {
                els.add(m.deliveredElement());
                els.add(REDUCER);
            }
        }
        for (ElementTarget t : recipe.targets()) {
            els.add(t.element());
        }
        return els;
    }

    private static double referenceMass(Recipe recipe) {
        if (recipe.batchMassKg() != null) {
            return recipe.batchMassKg();
        }
        if (recipe.maxProductMassKg() != null) {
            return recipe.maxProductMassKg();
        }
        double anchored = recipe.heel().massKg();
        for (Material m : recipe.materials()) {
            Double lower = m.fixedKg() != null ? m.fixedKg() : m.minKg();
            anchored += lower == null ? 0 : lower;
        }
        return Math.max(anchored, 1.0);
    }

    /** kg of each element (in {@link #elements} order) into the product per kg of {@code m}. */
    private double[] deliveredKgPerKg(Material m) {
        double[] out = new double[elements.size()];
        if (m.kind().isMetallic()) {
            for (Map.Entry<String, Double> c : m.composition().allWtPct().entrySet()) {
                double rec = recipe.recoveryFraction(m, c.getKey());
                if (c.getKey().equals(recipe.balanceElement())) {
                    rec *= 1 - recipe.meltLossPct() / 100;
                }
                out[elements.indexOf(c.getKey())] += c.getValue() / 100 * rec;
            }
        } else if (m.kind() == MaterialKind.COMPOUND) {
            String el = m.deliveredElement();
            double delivered = m.elementContentKgPerKg(el) * recipe.recoveryFraction(m, el);
            out[elements.indexOf(el)] += delivered;
            out[elements.indexOf(REDUCER)] -= aluminiumTakenKgPerKgDelivered(m) * delivered;
        }
        return out;
    }

    /**
     * kg of Al that leaves the metal per kg of the compound's element reduced into it:
     * {@code valence/3} mol Al per mol element (0.6002 kg per kg Sc from Sc2O3 or ScF3).
     */
    static double aluminiumTakenKgPerKgDelivered(Material compound) {
        String el = compound.deliveredElement();
        Elements table = Elements.standard();
        return compound.formula().valence(el) / 3.0 * table.atomicMass(REDUCER) / table.atomicMass(el);
    }

    int elementIndex(String element) {
        return elements.indexOf(element);
    }

    /** Row over the material variables: kg of element {@code e} in the product (without the heel). */
    double[] elementRow(int e) {
        double[] row = new double[materials.size()];
        for (int j = 0; j < row.length; j++) {
            row[j] = yield[j][e];
        }
        return row;
    }

    /** Row over the material variables: kg of element e minus {@code pct}% of the product mass. */
    double[] elementShareRow(int e, double pct) {
        double[] row = elementRow(e);
        for (int j = 0; j < row.length; j++) {
            row[j] -= pct / 100 * productYield[j];
        }
        return row;
    }

    /** The heel's contribution to {@link #elementShareRow}. */
    double heelShare(int e, double pct) {
        return heelKg[e] - pct / 100 * heelMassKg;
    }

    /** Elements some charge takes out of the metal (a negative yield), which need a floor at zero. */
    List<Integer> elementsThatCanGoNegative() {
        List<Integer> out = new ArrayList<>();
        for (int e = 0; e < elements.size(); e++) {
            for (double[] y : yield) {
                if (y[e] < 0) {
                    out.add(e);
                    break;
                }
            }
        }
        return out;
    }

    /** kg of product (heel included) at charge {@code x} (variables). */
    double productKg(double[] x) {
        double kg = heelMassKg;
        for (int j = 0; j < productYield.length; j++) {
            kg += productYield[j] * x[j];
        }
        return kg;
    }

    /** kg of material j at variable value {@code v}. */
    double massKg(int j, double v) {
        return v * scale[j];
    }
}
