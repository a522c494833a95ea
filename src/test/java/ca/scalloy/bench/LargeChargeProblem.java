package ca.scalloy.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.charge.ElementTarget;
import ca.scalloy.engine.charge.Material;
import ca.scalloy.engine.charge.MaterialKind;
import ca.scalloy.engine.charge.Recipe;

/**
 * A generated charge problem of {@value #MATERIALS} materials over 20 elements (Al and the 19 of
 * {@link #ELEMENTS}), built around a known mix so that it is feasible: its limits are set on either
 * side of that mix's composition. The same seed always gives the same recipe.
 */
final class LargeChargeProblem {

    static final int MATERIALS = 40;
    static final long SEED = 20_261_127L;
    static final List<String> ELEMENTS = List.of("Sc", "Mg", "Zr", "Mn", "Fe", "Si", "Cu", "Zn", "Ti", "Cr", "Li", "Er",
            "Ca", "Na", "B", "Be", "O", "H", "K");
    private static final double BATCH_KG = 5000;

    private LargeChargeProblem() {
    }

    static Recipe recipe() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Material> materials = new ArrayList<>();
        double[] mixKg = new double[MATERIALS];
        for (int j = 0; j < MATERIALS; j++) {
            Map<String, Double> assay = new LinkedHashMap<>();
            // Every material carries traces of each element, so each limit is a dense row of the LP.
            for (String el : ELEMENTS) {
                assay.put(el, random.nextDouble(0.0001, 0.01));
            }
            int alloying = random.nextInt(1, 4);
            for (int k = 0; k < alloying; k++) {
                assay.put(ELEMENTS.get(random.nextInt(ELEMENTS.size())), random.nextDouble(0.5, 10));
            }
            // A base aluminium (first few) makes up most of the mix; master alloys a little each.
            boolean base = j < 4;
            if (base) {
                assay.replaceAll((el, pct) -> pct / 20);
            }
            mixKg[j] = base ? random.nextDouble(600, 1200) : random.nextDouble(0, 40);
            double price = base ? random.nextDouble(2.3, 2.9) : random.nextDouble(3, 300);
            Material m = Material.metallic("M" + j, null, base ? MaterialKind.METAL : MaterialKind.MASTER_ALLOY,
                    new Composition(assay, "Al"), price, random.nextDouble(0, 20));
            materials.add(random.nextInt(4) == 0 ? m.withBounds(null, mixKg[j] * 2 + 10, null) : m);
        }
        double total = 0;
        for (double kg : mixKg) {
            total += kg;
        }
        List<ElementTarget> targets = new ArrayList<>();
        for (String el : ELEMENTS) {
            double kg = 0;
            for (int j = 0; j < MATERIALS; j++) {
                kg += mixKg[j] * materials.get(j).composition().pct(el) / 100;
            }
            double pct = 100 * kg / total;
            targets.add(new ElementTarget(el, pct * 0.9, pct, Math.min(100, pct * 1.1)));
        }
        double scale = BATCH_KG / total;
        for (int j = 0; j < MATERIALS; j++) {
            Material m = materials.get(j);
            if (m.maxKg() != null) {
                materials.set(j, m.withBounds(null, m.maxKg() * scale, null));
            }
        }
        return Recipe.builder().name("generated 40 x 20").grade("bench").batchMassKg(BATCH_KG).targets(targets).materials(materials)
                .build();
    }
}
