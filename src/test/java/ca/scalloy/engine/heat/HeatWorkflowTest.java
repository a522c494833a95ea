package ca.scalloy.engine.heat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import ca.scalloy.engine.Role;

class HeatWorkflowTest {

    private final HeatWorkflow workflow = HeatWorkflow.standard();

    @ParameterizedTest
    @EnumSource(HeatStatus.class)
    void theAllowedMovesAreExactlyTodaysTransitions(HeatStatus from) {
        assertEquals(from.next(), workflow.movesFrom(from));
        for (HeatStatus to : HeatStatus.values()) {
            assertEquals(from.next().contains(to), workflow.checkMove("H-1", from, to).isEmpty(), from + " -> " + to);
        }
    }

    @Test
    void aRefusedMoveIsACodeWithItsArgumentsAndAnEnglishLine() {
        HeatRefusal r = workflow.checkMove("H-2026-0001", HeatStatus.PLANNED, HeatStatus.CAST).orElseThrow();
        assertEquals(HeatRefusal.Code.MOVE_NOT_ALLOWED, r.code());
        assertEquals(List.of(HeatStatus.PLANNED, HeatStatus.CAST, List.copyOf(EnumSet.of(HeatStatus.CHARGED, HeatStatus.REJECTED))), r.args());
        assertEquals("heat H-2026-0001: a heat cannot move from PLANNED to CAST; allowed: [CHARGED, REJECTED]", r.message());
        HeatRuleException e = assertThrows(HeatRuleException.class, () -> workflow.move("H-2026-0001", HeatStatus.RELEASED, HeatStatus.CAST));
        assertEquals(HeatRefusal.Code.STATUS_FINAL, e.refusal().code());
    }

    /* README's division: operator at the furnace, quality releases and certifies, both may reject, admin everything. */
    @ParameterizedTest
    @CsvSource({"PLAN, OPERATOR", "MOVE, OPERATOR", "WEIGH, OPERATOR", "SAMPLE, OPERATOR", "CORRECT, OPERATOR", "CAST, OPERATOR",
        "RELEASE, QUALITY", "CERTIFY, QUALITY", "REJECT, OPERATOR", "REJECT, QUALITY"})
    void eachActionNeedsTheRoleReadmeGivesIt(HeatAction action, Role role) {
        assertTrue(action.roles().contains(role));
        assertTrue(action.allowedFor(Set.of(role)));
        assertTrue(action.allowedFor(Set.of(Role.ADMIN)));
        assertFalse(action.allowedFor(Set.of(Role.METALLURGIST)));
    }

    @Test
    void onlyQualityReleasesAndCertifies() {
        assertFalse(HeatAction.RELEASE.allowedFor(Set.of(Role.OPERATOR)));
        assertFalse(HeatAction.CERTIFY.allowedFor(Set.of(Role.OPERATOR)));
        assertFalse(HeatAction.WEIGH.allowedFor(Set.of(Role.QUALITY)));
        assertEquals(HeatAction.RELEASE, HeatAction.moveTo(HeatStatus.RELEASED));
        assertEquals(HeatAction.REJECT, HeatAction.moveTo(HeatStatus.REJECTED));
        assertEquals(HeatAction.MOVE, HeatAction.moveTo(HeatStatus.CAST));
    }

    /* Which status allows which action: weighing until cast, samples from charged to cast, a correction on SAMPLED, cast and certificate once CAST. */
    @ParameterizedTest
    @CsvSource({
        "PLANNED,   true,  false, false, false",
        "CHARGED,   true,  true,  false, false",
        "SAMPLED,   true,  true,  true,  false",
        "CORRECTED, true,  true,  false, false",
        "CAST,      false, true,  false, true",
        "RELEASED,  false, false, false, true",
        "REJECTED,  false, false, false, false"})
    void eachStatusAllowsItsActions(HeatStatus status, boolean weigh, boolean sample, boolean correct, boolean castAndCertify) {
        assertEquals(weigh, workflow.allows(HeatAction.WEIGH, status));
        assertEquals(sample, workflow.allows(HeatAction.SAMPLE, status));
        assertEquals(correct, workflow.allows(HeatAction.CORRECT, status));
        assertEquals(castAndCertify, workflow.allows(HeatAction.CAST, status));
        assertEquals(castAndCertify, workflow.allows(HeatAction.CERTIFY, status));
    }

    @Test
    void aRefusedActionSaysTheHeatItsStateAndWhy() {
        HeatRuleException e = assertThrows(HeatRuleException.class, () -> workflow.require(HeatAction.WEIGH, "H-9", HeatStatus.CAST));
        assertEquals("heat H-9 is CAST; its charge can no longer be weighed", e.getMessage());
        assertEquals(List.of(HeatAction.WEIGH, HeatStatus.CAST), e.refusal().args());
    }

    @Test
    void aSampleMovesACharged_Corrected_OrCastHeatToSampledAndATrimMakesItCorrected() {
        for (HeatStatus s : HeatStatus.values()) {
            boolean moves = s == HeatStatus.CHARGED || s == HeatStatus.CORRECTED || s == HeatStatus.CAST;
            assertEquals(moves ? Optional.of(HeatStatus.SAMPLED) : Optional.empty(), workflow.afterSample(s), s.name());
        }
        assertEquals(HeatStatus.CORRECTED, workflow.afterCorrection());
    }

    @Test
    void aSampleNumberThatNamesAnotherHeatIsRefusedWithTheNumberAndTheHeat() {
        HeatNumberPattern pattern = HeatNumberPattern.standard();
        HeatRefusal r = workflow.checkSampleNumber("H-2026-0001", "H-2026-0142-1", pattern).orElseThrow();
        assertEquals(HeatRefusal.Code.SAMPLE_OF_ANOTHER_HEAT, r.code());
        assertEquals(List.of("H-2026-0142-1", "H-2026-0142"), r.args());
        assertTrue(r.message().startsWith("sample H-2026-0142-1 names heat H-2026-0142, not H-2026-0001"), r.message());
        assertTrue(workflow.checkSampleNumber("H-2026-0001", "H-2026-0001-3", pattern).isEmpty(), "its own number");
        assertTrue(workflow.checkSampleNumber("H-2026-0001", "F", pattern).isEmpty(), "a number naming no heat");
        assertTrue(workflow.checkSampleNumber("H-2026-0001", "H-2026-00012", pattern).isEmpty(), "a longer number is not heat 0001's");
        assertEquals(Optional.of("C2601-007"), new HeatNumberPattern("C{yy}{mm}-{seq:3}").heatNamedAtStartOf("C2601-007/B"));
    }

    /*
     * Planned 1,000 kg, charged 1,150 kg (oxide and flux included). Allowed: from 1,000 x (1 - 50 %) = 500 kg to
     * min(1,000 x 1.10, 1,150 x 1.02) = 1,100 kg (heat-plausibility.csv).
     */
    @ParameterizedTest
    @CsvSource({"5000, false", "1100.1, false", "1100, true", "981.4, true", "500, true", "499.9, false"})
    void aCastMassIsPlausibleOnlyNearThePlannedAndWithinTheChargedMass(double castKg, boolean plausible) {
        Optional<HeatRefusal> r = workflow.checkCast("H-2026-0001", castKg, 1000, 1150);
        assertEquals(plausible, r.isEmpty());
        if (!plausible) {
            assertEquals(castKg, (double) r.get().arg(0));
            assertEquals(500.0, (double) r.get().arg(1), 1e-9);
            assertEquals(1100.0, (double) r.get().arg(2), 1e-9);
        }
    }

    @Test
    void aCastOf5000KgForA1000KgHeatIsRefusedNamingTheValuesAndTheRange() {
        HeatRefusal r = workflow.checkCast("H-2026-0001", 5000, 1000, 1136.5).orElseThrow();
        assertEquals("heat H-2026-0001: a cast of 5000.0 kg is not plausible: it must be from 500.0 to 1100.0 kg (planned 1000.0 kg,"
                + " charged 1136.5 kg)", r.message());
        // Nothing cast can outweigh the charge: 800 kg charged caps a 1,000 kg plan at 800 x 1.02 = 816 kg.
        assertEquals(816.0, workflow.castRangeKg(1000, 800)[1], 1e-9);
    }

    @Test
    void aHeatChargedFarShortOfItsPlanKeepsARangeUpToWhatWentIn() {
        // Planned 1,000 kg, only 400 kg charged: the cast cannot outweigh 400 x 1.02 = 408 kg, and may fall 50 % short of
        // what went in, 400 x 0.5 = 200 kg. (Taken from the plan alone, the lowest, 500 kg, was above the charge.)
        double[] range = workflow.castRangeKg(1000, 400);
        assertEquals(200.0, range[0], 1e-9);
        assertEquals(408.0, range[1], 1e-9);
        assertTrue(workflow.checkCast("H-1", 390, 1000, 400).isEmpty());
        assertTrue(workflow.checkCast("H-1", 450, 1000, 400).isPresent());
    }

    /* Weighed: planned 36.5 kg -> max(15 % x 36.5, 25 kg) = 25 kg either side (11.5 to 61.5 kg); planned 960 kg -> 144 kg either side;
     * planned 10 kg -> 0 to 35 kg (never below 0). */
    @ParameterizedTest
    @CsvSource({"36.5, 61.5, true", "36.5, 61.6, false", "36.5, 11.5, true", "36.5, 11.4, false", "10, 0, true", "960, 816, true", "960, 815.9, false", "960, 5000, false"})
    void aWeighedMassIsPlausibleNearItsPlannedKg(double plannedKg, double weighedKg, boolean plausible) {
        assertEquals(plausible, workflow.checkWeighed("H-1", 2, weighedKg, plannedKg).isEmpty());
    }

    @Test
    void thePlantsSettingsChangeTheTolerancesAndABadSettingIsNamed() {
        HeatTolerances t = HeatTolerances.standard().with(Map.of("heat.plausibility.castAbovePlannedPct", "25", "company.name", "x"));
        assertEquals(25, t.castAbovePlannedPct());
        assertEquals(HeatTolerances.standard().castBelowPlannedPct(), t.castBelowPlannedPct());
        assertTrue(new HeatWorkflow(t).checkCast("H", 1200, 1000, 2000).isEmpty());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> HeatTolerances.standard().with(Map.of("heat.plausibility.castAbovePlannedPct", "lots")));
        assertTrue(bad.getMessage().startsWith("setting heat.plausibility.castAbovePlannedPct must be a number"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HeatTolerances.standard().with(Map.of("heat.plausibility.nope", "1")));
    }
}
