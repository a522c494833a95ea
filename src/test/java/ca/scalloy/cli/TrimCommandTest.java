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
