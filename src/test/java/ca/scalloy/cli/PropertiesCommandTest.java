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
        // the Al-Sc eutectic of the data (decision 0013: 659.15 °C); its band reaches the published 655 °C
        assertEquals(659.1, j.get("eutecticC").asDouble(), 0.1);
        assertTrue(j.at("/bands/eutecticC/0").asDouble() <= 655.0);
        assertFalse(j.get("hypereutectic").asBoolean());
    }

    /* Issue 12's additions: liquidusPrimaryPhase, bands of every numeric key, process, database, notes for nulls. */
    @Test
    void jsonCarriesThePrimaryPhaseBandsProcessAndDatabase() throws Exception {
        CliRun r = CliRun.of("properties", "--composition", "Sc=2,Zr=1", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = r.json();
        assertEquals("AL3ZR", j.get("liquidusPrimaryPhase").asText());
        assertEquals("CAST", j.get("process").asText());
        for (String key : new String[] {"liquidusC", "solidusC", "densityGPerCm3", "conductivityPctIACS", "yieldStrengthMPa",
                "scInSolutionWtPct", "zrInSolutionWtPct", "growthRestrictionQ", "resistivityMicroOhmCm", "grainSizeUm", "al3ScVolumePct"}) {
            JsonNode band = j.at("/bands/" + key);
            assertEquals(2, band.size(), key + " band in " + r.out());
            assertTrue(band.get(0).asDouble() <= band.get(1).asDouble(), key);
        }
        assertTrue(j.get("scSolvusC").isNull());
        assertTrue(j.get("zrSolvusC").isNull());
        assertTrue(j.at("/notes/scSolvusC").asText().contains("stable up to the solidus"), r.out());
        assertTrue(j.at("/database/files/0").asText().endsWith(")"), r.out());
        assertTrue(j.at("/database/systems").has("Al-Zr"), r.out());
        assertTrue(j.get("zrInSolutionWtPct").asDouble() < 0.28, "AlSc2Zr1 no longer shows 1.000 wt% Zr in solution");
    }

    /* --process and --schedule use the solidification route and the kinetic model. */
    @Test
    void processAndScheduleReachTheKineticModel() throws Exception {
        CliRun r = CliRun.of("properties", "--composition", "Mg=4.45,Mn=0.5,Sc=0.7,Zr=0.3", "--process", "RAPID", "--schedule", "325:4", "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals("RAPID", r.json().get("process").asText());
        assertEquals("325:4", r.json().at("/ageing/schedule").asText());
        assertEquals(325.0, r.json().at("/ageing/tempC").asDouble());
        assertTrue(r.json().get("al3ScRadiusNm").asDouble() > 0.5, r.out());
        CliRun two = CliRun.of("properties", "--composition", "Sc=0.3", "--schedule", "300:24,400:12", "--json");
        assertEquals(0, two.exit(), two.err());
        assertEquals(36.0, two.json().at("/ageing/hours").asDouble());
        assertEquals(400.0, two.json().at("/ageing/tempC").asDouble());
    }

    /* AlSc2 on its aims: hypereutectic, primary Al3Sc from 774.4 °C (the re-fitted Al-Sc liquid, decision 0013). */
    @Test
    void recipeFileOnItsAimsGivesTheMasterAlloysLiquidus() throws Exception {
        CliRun r = CliRun.of("properties", "recipes/alsc2-oxide-route.json", "--aims", "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(774.4, r.json().get("liquidusC").asDouble(), 0.2);
        assertEquals("AL3SC", r.json().get("liquidusPrimaryPhase").asText());
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

        CliRun route = CliRun.of("properties", "--composition", "Sc=0.3", "--process", "LASER");
        assertEquals(2, route.exit());
        assertTrue(route.err().contains("--process: 'LASER' is not a process route; allowed: CAST, RAPID, EQUILIBRIUM"), route.err());

        CliRun schedule = CliRun.of("properties", "--composition", "Sc=0.3", "--schedule", "300:abc");
        assertEquals(2, schedule.exit());
        assertTrue(schedule.err().contains("--schedule: hours 'abc'"), schedule.err());

        CliRun both = CliRun.of("properties", "--composition", "Sc=0.3", "--schedule", "300:4", "--age-temp-c", "300", "--age-hours", "4");
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("--schedule and --age-temp-c/--age-hours"), both.err());

        CliRun grain = CliRun.of("properties", "--composition", "Sc=0.3", "--grain-um", "0");
        assertEquals(2, grain.exit());
        assertTrue(grain.err().contains("--grain-um must be from 0.1 to 10000"), grain.err());
        for (CliRun bad : new CliRun[] {route, schedule, both, grain}) {
            assertEquals(1, bad.err().strip().lines().count(), bad.err());
        }
    }

    /*
     * The CALPHAD core (mc_al 2.037's (Al)/Al3Sc, SolubilityTest): Sc at 500 °C = 0.0617 wt%; in at%,
     * x = (0.0617/44.956) / (0.0617/44.956 + 99.9383/26.9815) = 3.704e-4 -> 0.0370 at%. Zr against Al3Zr (COST 507) at
     * 500 °C: 0.0625 wt%.
     */
    @Test
    void solvusCommandPrintsWtAndAtPercent() throws Exception {
        CliRun r = CliRun.of("solvus", "--element", "Sc", "--temp-c", "500", "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(0.0617, r.json().get("solubilityWtPct").asDouble(), 0.0005);
        assertEquals(0.0370, r.json().get("solubilityAtPct").asDouble(), 0.0005);
        assertEquals("AL3SC", r.json().get("against").asText());
        assertTrue(r.json().get("withinValidity").asBoolean());
        assertTrue(r.json().at("/database/systems").has("Al-Sc"), r.out());
        CliRun zr = CliRun.of("solvus", "--element", "Zr", "--temp-c", "500", "--json");
        assertEquals(0.0625, zr.json().get("solubilityWtPct").asDouble(), 0.0005);

        CliRun bad = CliRun.of("solvus", "--element", "Mg", "--temp-c", "500");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("'Mg'") && bad.err().contains("allowed: Sc, Zr"), bad.err());
        CliRun hot = CliRun.of("solvus", "--element", "Sc", "--temp-c", "680");
        assertEquals(2, hot.exit());
        assertTrue(hot.err().contains("--temp-c must be from 25 °C") && hot.err().contains("eutectic") && hot.err().contains("680"), hot.err());
        assertEquals(1, hot.err().strip().lines().count(), hot.err());
    }
}
