package ca.scalloy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class PropertiesCommandTest {

    @Test
    void jsonCarriesEveryDocumentedKey() throws Exception {
        CliRun r = CliRun.of("properties", "--composition", "Sc=0.3,Mg=4.5,Zr=0.1", "--age-temp-c", "325", "--age-hours", "4", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = r.json();
        for (String key : new String[] {"densityGPerCm3", "liquidusC", "liquidusUncertaintyC", "solidusC", "eutecticC", "hypereutectic",
                "scSolvusC", "scSolubilityWtPctAtAgeTemp", "scInSolutionWtPct", "al3ScVolumePct", "yieldStrengthMPa",
                "resistivityMicroOhmCm", "conductivityPctIACS", "growthRestrictionQ", "warnings"}) {
            assertTrue(j.has(key), key + " missing in " + r.out());
        }
        for (String key : new String[] {"value", "low", "high", "contributions"}) {
            assertTrue(j.get("yieldStrengthMPa").has(key), key);
        }
        assertEquals(655.0, j.get("eutecticC").asDouble());
        assertFalse(j.get("hypereutectic").asBoolean());
    }

    /* AlSc2 as cast: hypereutectic, liquidus 760.4 °C (table interpolation, see MeltModelTest). */
    @Test
    void recipeFileOnItsAimsGivesTheMasterAlloysLiquidus() throws Exception {
        CliRun r = CliRun.of("properties", "recipes/alsc2-oxide-route.json", "--aims", "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(760.4, r.json().get("liquidusC").asDouble(), 0.05);
        assertTrue(r.json().get("hypereutectic").asBoolean());
        assertTrue(r.json().get("scSolubilityWtPctAtAgeTemp").isNull());
    }

    /* The computed product of example 1 (AIM) carries Fe 0.0992 and Si 0.0496 besides Sc 2.0. */
    @Test
    void recipeFileByDefaultUsesTheComputedProduct() throws Exception {
        CliRun r = CliRun.of("properties", "recipes/alsc2-oxide-route.json", "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(0.0992, r.json().at("/compositionPct/Fe").asDouble(), 1e-4);
        // cost and CO2 of that charge per kg of product (ChargeCalculatorWorkedExamplesTest): 56.9309, 5.7743
        assertEquals(56.9309, r.json().get("costPerKg").asDouble(), 1e-4);
        assertEquals(5.7743, r.json().get("co2KgPerKg").asDouble(), 1e-4);
    }

    @Test
    void badInputExitsTwoWithOneLine() {
        CliRun text = CliRun.of("properties", "--composition", "Sc=abc");
        assertEquals(2, text.exit());
        assertTrue(text.err().contains("Sc: \"abc\" is not a decimal number"), text.err());

        CliRun over = CliRun.of("properties", "--composition", "Sc=60,Mg=50");
        assertEquals(2, over.exit());
        assertTrue(over.err().contains("110"), over.err());

        CliRun hot = CliRun.of("properties", "--composition", "Sc=0.3", "--age-temp-c", "900", "--age-hours", "1");
        assertEquals(2, hot.exit());
        assertTrue(hot.err().contains("--age-temp-c") && hot.err().contains("900"), hot.err());

        CliRun unknown = CliRun.of("properties", "--composition", "Xx=0.3");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("Xx"), unknown.err());
    }

    /* al-sc-data §3.1: Sc at 500 °C = 0.0858 wt%, 0.0515 at% (within 5 %). */
    @Test
    void solvusCommandPrintsWtAndAtPercent() throws Exception {
        CliRun r = CliRun.of("solvus", "--element", "Sc", "--temp-c", "500", "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(0.0858, r.json().get("solubilityWtPct").asDouble(), 0.0858 * 0.05);
        assertEquals(0.0515, r.json().get("solubilityAtPct").asDouble(), 0.0515 * 0.05);

        CliRun bad = CliRun.of("solvus", "--element", "Mg", "--temp-c", "500");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("Mg"), bad.err());
    }
}
