package ca.scalloy.engine.charge;

import static ca.scalloy.engine.charge.RecipeBuilder.metal;

import java.util.List;
import java.util.Map;

/** The two worked examples of issue 2, built in code (the JSON versions live in recipes/); also used by the benchmarks. */
public final class WorkedExamples {

    private WorkedExamples() {
    }

    /** Example 1: AlSc2 by the oxide route, 1000 kg. */
    public static Recipe alSc2OxideRoute(Objective objective) {
        Material p1020 = metal("AL-P1020", MaterialKind.METAL, Map.of("Fe", 0.10, "Si", 0.05), 2.60, 4.0);
        Material sc2o3 = Material.compound("SC2O3-999", "Scandium oxide 99.9 %", "Sc2O3", 99.9, Map.of("Sc", 85.0),
                1500, 50, new FluxLink("FLUX-CRYO", 3.0));
        Material flux = Material.flux("FLUX-CRYO", "Cryolite-based flux", 1.50, 0);
        return Recipe.builder().name("AlSc2 master alloy, oxide route").grade("AlSc2").batchMassKg(1000.0).objective(objective)
                .recoveryPct(Map.of("Mg", 97.0))
                .targets(List.of(ElementTarget.range("Sc", 1.80, 2.00, 2.20), ElementTarget.max("Fe", 0.15), ElementTarget.max("Si", 0.10)))
                .materials(List.of(p1020, sc2o3, flux)).build();
    }

    /** Example 2: AlMgSc 5028-type, 2000 kg, Mg recovery 97 %. */
    public static Recipe alMgSc5028(Objective objective) {
        List<Material> materials = List.of(
                metal("P1020", MaterialKind.METAL, Map.of("Fe", 0.12, "Si", 0.06), 2.60, 4.0),
                metal("P0610", MaterialKind.METAL, Map.of("Fe", 0.07, "Si", 0.04), 2.75, 4.0),
                metal("MG999", MaterialKind.METAL, Map.of("Mg", 99.9, "Fe", 0.02, "Si", 0.01), 3.50, 25.0),
                metal("ALSC2", MaterialKind.MASTER_ALLOY, Map.of("Sc", 2.00, "Fe", 0.10, "Si", 0.05), 200, 10),
                metal("ALZR10", MaterialKind.MASTER_ALLOY, Map.of("Zr", 10.0, "Fe", 0.15, "Si", 0.08), 8.00, 8),
                metal("ALMN20", MaterialKind.MASTER_ALLOY, Map.of("Mn", 20.0, "Fe", 0.30, "Si", 0.10), 4.00, 6));
        List<ElementTarget> targets = List.of(
                ElementTarget.range("Mg", 4.2, 4.5, 4.8),
                ElementTarget.range("Mn", 0.30, 0.45, 0.60),
                ElementTarget.range("Sc", 0.20, 0.25, 0.30),
                ElementTarget.range("Zr", 0.08, 0.10, 0.15),
                ElementTarget.max("Fe", 0.15),
                ElementTarget.max("Si", 0.10));
        return Recipe.builder().name("AlMgSc 5028-type").grade("5028").batchMassKg(2000.0).objective(objective)
                .recoveryPct(Map.of("Mg", 97.0)).targets(targets).materials(materials).build();
    }
}
