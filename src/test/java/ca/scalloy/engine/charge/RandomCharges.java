package ca.scalloy.engine.charge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ca.scalloy.engine.Composition;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random small charge problems for the property tests, each built around a known mix of its
 * materials: the limits are set on either side of that mix's composition and the stocks around its
 * masses, so the mix is a feasible charge and the engine's optimum can be measured against it.
 */
final class RandomCharges {

    static final List<String> POOL = List.of("Mg", "Mn", "Fe", "Si", "Cu", "Zn", "Sc", "Zr");
    static final String FLUX_ID = "FLUX";
    static final String COMPOUND_ID = "COMPOUND";

    enum Bound { NONE, CAP, FLOOR, FIXED }

    enum Style { NONE, MIN, MAX, RANGE }

    enum Compound {
        SCF3("ScF3"), SC2O3("Sc2O3"), NA3SCF6("Na3ScF6"), K2ZRF6("K2ZrF6");

        final String formula;

        Compound(String formula) {
            this.formula = formula;
        }
    }

    record MetalSpec(Map<String, Double> assayPct, double pricePerKg, double co2KgPerKg, double mixShare, Bound bound,
                     double ownRecoveryPct) {
    }

    record CompoundSpec(Compound compound, double purityPct, double recoveryPct, double fluxKgPerKg, double pricePerKg,
                        double mixShare, Bound bound) {
    }

    record TargetSpec(Style style, double lowMargin, double highMargin, double aimPosition) {
    }

    record Spec(List<MetalSpec> metals, CompoundSpec compound, double batchKg, double heelShare, Map<String, Double> heelPct,
                double meltLossPct, double recipeRecoveryPct, List<TargetSpec> targets) {
    }

    /** A generated recipe and the mix it was built around (kg per material id). */
    record Problem(Recipe recipe, Map<String, Double> mixKg) {
        @Override
        public String toString() {
            return "mix " + mixKg + " of " + recipe;
        }
    }

    private RandomCharges() {
    }

    static Arbitrary<Spec> specs(int minMetals, int maxMetals, boolean withCompound) {
        Arbitrary<CompoundSpec> compound = withCompound ? compounds().injectNull(0.4) : Arbitraries.just(null);
        return Combinators.combine(metals().list().ofMinSize(minMetals).ofMaxSize(maxMetals), compound,
                Arbitraries.doubles().between(100, 5000).ofScale(1),
                Arbitraries.of(0.0, 0.0, 0.1, 0.4),
                assays(0, 3),
                Arbitraries.of(0.0, 0.0, 1.5, 3.0),
                Arbitraries.doubles().between(85, 100).ofScale(1),
                targets().list().ofSize(POOL.size()))
                .as(Spec::new);
    }

    private static Arbitrary<Map<String, Double>> assays(int minElements, int maxElements) {
        return Arbitraries.maps(Arbitraries.of(POOL), Arbitraries.doubles().between(0.01, 15).ofScale(3))
                .ofMinSize(minElements).ofMaxSize(maxElements);
    }

    private static Arbitrary<MetalSpec> metals() {
        return Combinators.combine(assays(1, 3), Arbitraries.doubles().between(1, 300).ofScale(2),
                Arbitraries.doubles().between(0, 20).ofScale(2), Arbitraries.doubles().between(0.05, 1).ofScale(3),
                Arbitraries.of(Bound.class), Arbitraries.of(0.0, 0.0, 0.0, 90.0)).as(MetalSpec::new);
    }

    private static Arbitrary<CompoundSpec> compounds() {
        return Combinators.combine(Arbitraries.of(Compound.class), Arbitraries.doubles().between(95, 100).ofScale(2),
                Arbitraries.doubles().between(70, 100).ofScale(1), Arbitraries.of(0.0, 1.0, 3.0, 5.0),
                Arbitraries.doubles().between(5, 3000).ofScale(1), Arbitraries.doubles().between(0.001, 0.05).ofScale(4),
                Arbitraries.of(Bound.class)).as(CompoundSpec::new);
    }

    private static Arbitrary<TargetSpec> targets() {
        return Combinators.combine(Arbitraries.of(Style.class), Arbitraries.doubles().between(0.005, 0.5).ofScale(3),
                Arbitraries.doubles().between(0.005, 0.5).ofScale(3), Arbitraries.doubles().between(0, 1).ofScale(2))
                .as(TargetSpec::new);
    }

    /** The recipe of {@code spec} under {@code objective}, with the mix it was built around. */
    static Problem build(Spec spec, Objective objective) {
        List<Material> loose = new ArrayList<>();
        Map<String, Double> mix = new LinkedHashMap<>();
        for (int j = 0; j < spec.metals().size(); j++) {
            MetalSpec s = spec.metals().get(j);
            String id = "M" + j;
            String firstElement = s.assayPct().keySet().iterator().next();
            Map<String, Double> recovery = s.ownRecoveryPct() > 0 ? Map.of(firstElement, s.ownRecoveryPct()) : Map.of();
            loose.add(new Material(id, null, j == 0 ? MaterialKind.METAL : MaterialKind.MASTER_ALLOY,
                    new Composition(s.assayPct(), "Al"), null, null, null, recovery, s.pricePerKg(), s.co2KgPerKg(), null,
                    null, null, null, null));
            mix.put(id, 1000 * s.mixShare());
        }
        CompoundSpec c = spec.compound();
        if (c != null) {
            String el = c.compound() == Compound.K2ZRF6 ? "Zr" : "Sc";
            loose.add(Material.compound(COMPOUND_ID, null, c.compound().formula, c.purityPct(), Map.of(el, c.recoveryPct()),
                    c.pricePerKg(), 0, new FluxLink(FLUX_ID, c.fluxKgPerKg())));
            loose.add(Material.flux(FLUX_ID, null, 1.5, 0.5));
            double totalMetal = mix.values().stream().mapToDouble(Double::doubleValue).sum();
            mix.put(COMPOUND_ID, totalMetal * c.mixShare());
            mix.put(FLUX_ID, totalMetal * c.mixShare() * c.fluxKgPerKg());
        }
        double heelKg = spec.batchKg() * spec.heelShare();
        Recipe draft = Recipe.builder().name("random").grade("random").batchMassKg(spec.batchKg()).objective(objective)
                .recoveryPct(Map.of("Mg", spec.recipeRecoveryPct())).meltLossPct(spec.meltLossPct())
                .heel(new Heel(heelKg, new Composition(spec.heelPct(), "Al"))).materials(loose).build();
        double scale = (spec.batchKg() - heelKg) / (MassBalance.of(draft, mix).productKg() - heelKg);
        mix.replaceAll((id, kg) -> kg * scale);
        MassBalance atMix = MassBalance.of(draft, mix);

        List<ElementTarget> targets = new ArrayList<>();
        for (int i = 0; i < POOL.size(); i++) {
            ElementTarget t = target(POOL.get(i), atMix.pct(POOL.get(i)), spec.targets().get(i));
            if (t != null) {
                targets.add(t);
            }
        }
        List<Material> bounded = new ArrayList<>();
        for (int j = 0; j < loose.size(); j++) {
            Material m = loose.get(j);
            Bound b = m.kind() == MaterialKind.FLUX ? Bound.NONE
                    : m.kind() == MaterialKind.COMPOUND ? c.bound() : spec.metals().get(j).bound();
            double kg = mix.get(m.id());
            bounded.add(switch (b) {
                case NONE -> m;
                case CAP -> m.withBounds(null, kg * 1.25, null);
                case FLOOR -> m.withBounds(kg * 0.5, null, null);
                case FIXED -> m.withBounds(null, null, kg);
            });
        }
        return new Problem(draft.withTargets(targets).withMaterials(bounded), mix);
    }

    /** Limits on either side of the mix's {@code pct}; an element the mix lacks gets at most a maximum. */
    private static ElementTarget target(String el, double pct, TargetSpec t) {
        double min = pct * (1 - t.lowMargin());
        double max = Math.min(100, pct > 0 ? pct * (1 + t.highMargin()) : t.highMargin());
        return switch (pct > 0 ? t.style() : t.style() == Style.NONE ? Style.NONE : Style.MAX) {
            case NONE -> null;
            case MIN -> new ElementTarget(el, min, null, null);
            case MAX -> new ElementTarget(el, null, null, max);
            // clamped: min + 1·(max − min) can round a hair above max
            case RANGE -> new ElementTarget(el, min, Math.min(max, Math.max(min, min + t.aimPosition() * (max - min))), max);
        };
    }
}
