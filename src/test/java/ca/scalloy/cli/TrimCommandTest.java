package ca.scalloy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class TrimCommandTest {

    /*
     * 5028-type recipe (MIN_COST), 2000 kg sampled low in Mg and Sc, everything else inside:
     * the least-cost correction adds Mg and AlSc2 to bring both to their minimum (exact kg are
     * checked by hand in TrimCalculatorTest; here the JSON shape and exit code).
     */
    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        CliRun r = CliRun.of("trim", "--recipe", "recipes/almgsc-5028-type.json", "--melt-kg", "2000",
                "--analysis", "Mg=4.0,Mn=0.35,Sc=0.18,Zr=0.09,Fe=0.12,Si=0.06", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = r.json();
        assertEquals("OPTIMAL", j.get("status").asText());
        assertTrue(j.get("additions").isArray() && j.get("additions").size() > 0);
        assertTrue(j.get("additions").get(0).has("materialId") && j.get("additions").get(0).has("massKg"));
        assertEquals(4.2, j.at("/product/compositionPct/Mg").asDouble(), 1e-4);
        assertEquals(0.2, j.at("/product/compositionPct/Sc").asDouble(), 1e-4);
        assertTrue(j.at("/cost/total").isNumber());
        assertTrue(j.get("diagnosis").isArray());
    }

    /*
     * The oxide route (AIM Sc 2.0 %) at 1000 kg sampled Sc 1.70 %: Sc2O3 brings d = 0.6519657 x 0.999 x 0.85
     * = 0.5536167 kg Sc per kg and each kg of Sc takes 0.6001778 kg Al from the metal, so
     * (17 + x d) / (1000 + 0.3998222 x d) = 0.02 gives x = 3 / (d (1 - 0.02 x 0.3998222)) = 5.462593 kg oxide,
     * 16.387780 kg flux; metal after 1000 + 0.3998222 x 5.462593 x 0.5536167 = 1001.2091 kg;
     * cost 5.462593 x 1500 + 16.387780 x 1.50 = 8218.47; CO2 5.462593 x 50 = 273.13 kg.
     * The workbench's Corrections panel shows the same three numbers (HeatsViewModelTest).
     */
    @Test
    void theMeltAfterIsMetalOnlyWithTheCostAndCo2OfTheAdditions() throws Exception {
        CliRun r = CliRun.of("trim", "--recipe", "recipes/alsc2-oxide-route.json", "--melt-kg", "1000",
                "--analysis", "Sc=1.70,Fe=0.11,Si=0.05", "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(1001.2091, r.json().at("/product/massKg").asDouble(), 1e-4);
        assertEquals(8218.47, r.json().at("/cost/total").asDouble(), 0.005);
        assertEquals(273.13, r.json().at("/co2/totalKg").asDouble(), 0.005);

        CliRun text = CliRun.of("trim", "--recipe", "recipes/alsc2-oxide-route.json", "--melt-kg", "1000",
                "--analysis", "Sc=1.70,Fe=0.11,Si=0.05");
        assertTrue(text.out().contains("Melt after correction: 1001.21 kg of metal"), text.out());
        assertTrue(text.out().contains("Cost of the additions: 8218.47"), text.out());
        assertTrue(text.out().contains("CO2 of the additions: 273.13 kg"), text.out());
    }

    @Test
    void noCorrectionWithinTheCapacityExitsThree() throws Exception {
        CliRun r = CliRun.of("trim", "--recipe", "recipes/almgsc-5028-type.json", "--melt-kg", "2000",
                "--analysis", "Mg=4.5,Mn=0.45,Sc=0.25,Zr=0.10,Fe=0.20,Si=0.06", "--capacity-kg", "200", "--json");
        assertEquals(3, r.exit(), r.err());
        assertEquals("INFEASIBLE", r.json().get("status").asText());
        assertTrue(r.json().get("diagnosis").get(0).get("message").asText().contains("above the furnace's free capacity of 200 kg"));
    }

    @Test
    void badAnalysisExitsTwo() {
        CliRun r = CliRun.of("trim", "--recipe", "recipes/almgsc-5028-type.json", "--melt-kg", "2000", "--analysis", "Mg=lots");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--analysis") && r.err().contains("lots"), r.err());
        CliRun m = CliRun.of("trim", "--recipe", "recipes/almgsc-5028-type.json", "--melt-kg", "0", "--analysis", "Mg=4");
        assertEquals(2, m.exit());
        assertTrue(m.err().contains("--melt-kg"), m.err());
    }
}
