package ca.scalloy.engine.charge;

import static ca.scalloy.engine.charge.ChargeAssertions.KG_TOLERANCE;
import static ca.scalloy.engine.charge.ChargeAssertions.assertKg;
import static ca.scalloy.engine.charge.ChargeAssertions.assertPct;
import static ca.scalloy.engine.charge.ChargeAssertions.assertSolved;
import static ca.scalloy.engine.charge.RecipeBuilder.metal;
import static ca.scalloy.engine.charge.RecipeBuilder.recipe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Message;
import ca.scalloy.solver.OjalgoSolver;

/** Heel, free product mass, melt loss and the fluoride route, each against a hand mass balance. */
class ChargeMassBalanceTest {

    private static final Map<String, Double> AA5083 = Map.of("Mg", 4.5, "Mn", 0.7, "Fe", 0.25, "Si", 0.2, "Cr", 0.1);
    private static final Material ALSC2 = metal("ALSC2", MaterialKind.MASTER_ALLOY, Map.of("Sc", 2.00, "Fe", 0.10, "Si", 0.05), 200, 10);
    private static final Material P1020 = metal("P1020", MaterialKind.METAL, Map.of("Fe", 0.10), 2.60, 4.0);

    private final ChargeCalculator calculator = new ChargeCalculator(new OjalgoSolver());

    /*
     * 2000 kg of 5083 in the furnace, free product mass, Sc min 0.25 %, AlSc2 the only material:
     *   0.02 x / (2000 + x) = 0.0025  ->  x = 5 / 0.0175 = 285.71429 kg AlSc2; product 2285.71429 kg
     *   Mg 90/2285.714 = 3.9375 %   Mn 14/2285.714 = 0.6125 %   Cr 2/2285.714 = 0.0875 %
     *   Fe (5 + 0.285714)/2285.714 = 0.23125 %   Si (4 + 0.142857)/2285.714 = 0.18125 %
     *   Al 100 - 3.9375 - 0.6125 - 0.0875 - 0.23125 - 0.18125 - 0.25 = 94.7 %
     */
    @Test
    void heelIsDilutedByJustEnoughMasterAlloyToReachTheScandiumMinimum() {
        ChargeResult r = calculator.solve(recipe().freeMass().heel(2000, AA5083).materials(ALSC2)
                .targets(new ElementTarget("Sc", 0.25, null, null)).build());

        assertSolved(r);
        assertKg(285.71429, r, "ALSC2");
        assertEquals(2285.71429, r.productMassKg(), KG_TOLERANCE);
        assertEquals(2000.0, r.heelKg());
        assertPct(0.25, r, "Sc");
        assertPct(3.9375, r, "Mg");
        assertPct(0.6125, r, "Mn");
        assertPct(0.0875, r, "Cr");
        assertPct(0.23125, r, "Fe");
        assertPct(0.18125, r, "Si");
        assertPct(94.7, r, "Al");
        assertEquals(0.0, r.slagKg() + r.drossKg(), 1e-9);
    }

    /*
     * Same heel, but the furnace holds 2200 kg: 200 kg of AlSc2 bring 4 kg Sc into 2200 kg = 0.1818 %.
     * The capacity could only give way by 85.7 kg, the Sc minimum by 1.5 kg (0.25 % of 2200 = 5.5 kg),
     * so the Sc minimum is the limit named; alone it is reachable (pure AlSc2 has 2 %). The most Sc while
     * the product stays within 2200 kg is those 0.1818 %, and the capacity is what it conflicts with.
     */
    @Test
    void furnaceTooSmallToDiluteTheHeelNamesTheScandiumMinimumAsClashing() {
        ChargeResult r = calculator.solve(recipe().freeMass().maxProductMassKg(2200.0).heel(2000, AA5083).materials(ALSC2)
                .targets(new ElementTarget("Sc", 0.25, null, null)).build());

        ChargeAssertions.assertInfeasible(r);
        assertEquals(1, r.diagnosis().size(), () -> r.diagnosis().toString());
        Diagnosis d = r.diagnosis().get(0);
        assertEquals(Diagnosis.Kind.ELEMENT_MIN, d.kind());
        assertFalse(d.onItsOwn());
        assertEquals(0.181818, d.reachable(), 1e-6);
        assertEquals("Sc min 0.25 % cannot be met while the product stays within the furnace capacity of 2200 kg:"
                + " the highest Sc then is 0.1818 %", d.message());
        assertEquals(java.util.List.of(new Diagnosis.Conflict(Diagnosis.Subject.FURNACE_CAPACITY, null, null, 2200.0)),
                d.conflictsWith());
    }

    /*
     * 1000 kg Al-Mg, melt loss 1.5 % of the Al of metallic charges, Mg recovery 97 %, Mg min 4.5 %:
     *   MG999 (Mg 99.9, Fe 0.02, Al 0.08):  y = 45 / (0.999 * 0.97) = 46.43819 kg
     *   per kg delivered: P1020 0.999*0.985 + 0.001 = 0.984985;  MG999 0.999*0.97 + 0.0002 + 0.0008*0.985 = 0.969818
     *   P1020 x = (1000 - 0.969818 y) / 0.984985 = 969.48180 kg
     *   dross = 0.999*0.015 x + (0.999*0.03 + 0.0008*0.015) y = 14.52771 + 1.39229 = 15.91999 kg
     *   in = x + y = 1015.91999 kg;  Fe = (0.001 x + 0.0002 y)/1000 = 0.0978769 %
     *   cost = 969.48180*2.60 + 46.43819*3.50 = 2683.18636
     */
    @Test
    void meltLossOfTheAluminiumGoesToTheDrossAndIsMadeUpByMoreCharge() {
        Material mg = metal("MG999", MaterialKind.METAL, Map.of("Mg", 99.9, "Fe", 0.02), 3.50, 25);
        ChargeResult r = calculator.solve(recipe().meltLossPct(1.5).recovery("Mg", 97).materials(P1020, mg)
                .targets(new ElementTarget("Mg", 4.5, null, 5.0)).build());

        assertSolved(r);
        assertKg(46.43819, r, "MG999");
        assertKg(969.48180, r, "P1020");
        assertEquals(15.91999, r.drossKg(), KG_TOLERANCE);
        assertEquals(1015.91999, r.inKg(), KG_TOLERANCE);
        assertEquals(1000.0, r.productMassKg(), 1e-6);
        assertPct(4.5, r, "Mg");
        assertPct(0.0978769, r, "Fe");
        assertEquals(2683.18636, r.costTotal(), 1e-4);
    }

    /*
     * Al per kg of element reduced: valence/3 mol Al per mol element.
     *   Sc (valence 3): 26.9815385 / 44.955908 = 0.6001778 kg/kg;  Zr in K2ZrF6 (valence 4): 4/3 * 26.9815385 / 91.224 = 0.3943632
     */
    @Test
    void reductionTakesValenceThirdsOfAMoleOfAluminiumPerMoleOfElement() {
        Material scf3 = Material.compound("SCF3", null, "ScF3", 99.5, Map.of(), 3000, 0, null);
        Material sc2o3 = Material.compound("SC2O3", null, "Sc2O3", 99.9, Map.of(), 1500, 0, null);
        Material k2zrf6 = Material.compound("K2ZRF6", null, "K2ZrF6", 98, Map.of(), 5, 0, null);

        assertEquals(0.6001778, ChargeModel.aluminiumTakenKgPerKgDelivered(scf3), 1e-7);
        assertEquals(0.6001778, ChargeModel.aluminiumTakenKgPerKgDelivered(sc2o3), 1e-7);
        assertEquals(0.3943632, ChargeModel.aluminiumTakenKgPerKgDelivered(k2zrf6), 1e-7);
    }

    /*
     * 1000 kg AlSc2Zr1 by the fluoride route, Sc and Zr pinned (min = max), MIN_COST:
     *   Sc in ScF3 0.4409555 (FormulaTest); Zr in K2ZrF6 = 91.224/283.411019 = 0.3218788
     *   ScF3 99.5 %, Sc recovery 85 %: 20 / (0.4409555*0.995*0.85) = 53.62820 kg; KAlF4 flux 1 kg/kg = 53.62820 kg
     *   K2ZrF6 98 %, Zr recovery 90 %: 10 / (0.3218788*0.98*0.90) = 35.22403 kg
     *   Al taken: 20*0.6001778 = 12.00356 kg (Sc) + 10*0.3943632 = 3.94363 kg (Zr)
     *   P1020 = 1000 - 20 - 10 + 12.00356 + 3.94363 = 985.94719 kg;  Fe = 0.10 * 985.94719/1000 = 0.0985947 %
     *   slag = 53.62820 + 35.22403 + 53.62820 - 30 + 15.94719 = 128.42761 kg;  in = 1128.42761 kg
     */
    @Test
    void fluorideRouteTakesAluminiumForScandiumAndZirconiumByValence() {
        Material scf3 = Material.compound("SCF3", null, "ScF3", 99.5, Map.of("Sc", 85.0), 3000, 0, new FluxLink("KALF4", 1.0));
        Material k2zrf6 = Material.compound("K2ZRF6", null, "K2ZrF6", 98, Map.of("Zr", 90.0), 5, 0, null);
        Material flux = Material.flux("KALF4", null, 1.2, 0);
        ChargeResult r = calculator.solve(recipe().materials(P1020, scf3, k2zrf6, flux)
                .targets(new ElementTarget("Sc", 2.0, 2.0, 2.0), new ElementTarget("Zr", 1.0, 1.0, 1.0), ElementTarget.max("Fe", 0.15))
                .build());

        assertSolved(r);
        assertKg(53.62820, r, "SCF3");
        assertKg(53.62820, r, "KALF4");
        assertKg(35.22403, r, "K2ZRF6");
        assertKg(985.94719, r, "P1020");
        assertPct(2.0, r, "Sc");
        assertPct(1.0, r, "Zr");
        assertPct(0.0985947, r, "Fe");
        assertEquals(128.42761, r.slagKg(), KG_TOLERANCE);
        assertEquals(1128.42761, r.inKg(), KG_TOLERANCE);
        assertEquals(85.0, r.scRecoveryPct(), 1e-6);
    }

    @Test
    void compoundWithoutAStatedRecoveryIsSolvedAt100PercentWithAWarning() {
        Material scf3 = Material.compound("SCF3", null, "ScF3", 100, Map.of(), 3000, 0, null);
        ChargeResult r = calculator.solve(recipe().materials(P1020, scf3).targets(new ElementTarget("Sc", 2.0, 2.0, 2.0)).build());

        assertSolved(r);
        assertEquals(100.0, r.scRecoveryPct(), 1e-6);
        assertEquals(List.of("SCF3: no recovery stated for Sc; 100 % assumed (reduction of ScF3 typically recovers 77-96 %)"),
                Message.english(r.warnings()));
    }
}
