package ca.scalloy.engine.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ca.scalloy.engine.charge.Material;

class PriceFreshnessTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    private static LibraryMaterial flux(double pricePerKg, Instant setAt) {
        return new LibraryMaterial(Material.flux("FLUX-CRYO", "Cryolite flux", pricePerKg, 0), "", "", setAt, false);
    }

    /** Age in whole days against a limit: 90 days is not past 90, 91 is; 30 days is past a 29-day limit. */
    @ParameterizedTest
    @CsvSource({"90, 90, false", "91, 90, true", "30, 29, true", "30, 30, false", "0, 1, false"})
    void aLibraryPriceIsOldOnlyPastThePlantsAge(long ageDays, int maxAgeDays, boolean old) {
        Optional<PriceFreshness> f = PriceFreshness.ofLibraryPrice(flux(1.5, NOW.minus(Duration.ofDays(ageDays))), NOW, maxAgeDays);
        assertEquals(old, f.isPresent());
        f.ifPresent(p -> assertEquals(ageDays, p.ageDays()));
    }

    @Test
    void aDifferentRecipePriceComesBeforeAnOldOne() {
        PriceFreshness f = PriceFreshness.ofRecipePrice(1.4, flux(1.5, NOW.minus(Duration.ofDays(200))), NOW, 90).orElseThrow();
        assertEquals(PriceFreshness.Kind.DIFFERS, f.kind());
        assertEquals(1.5, f.libraryPricePerKg());
        assertEquals(PriceFreshness.Kind.OLD,
                PriceFreshness.ofRecipePrice(1.5, flux(1.5, NOW.minus(Duration.ofDays(200))), NOW, 90).orElseThrow().kind());
        assertTrue(PriceFreshness.ofRecipePrice(1.5, flux(1.5, NOW), NOW, 90).isEmpty());
    }

    @Test
    void aPriceNotYetStoredIsNeverOld() {
        assertTrue(PriceFreshness.ofLibraryPrice(flux(1.5, null), NOW, 1).isEmpty());
    }

    @Test
    void theAgeSettingReadsWholeDaysFromOneToTenYears() {
        assertEquals(90, PriceFreshness.parseMaxAgeDays(" 90 "));
        assertEquals("price max age (days): \"ninety\" is not a whole number of days from 1 to 3650",
                assertThrows(IllegalArgumentException.class, () -> PriceFreshness.parseMaxAgeDays("ninety")).getMessage());
        assertEquals("price max age (days) must be from 1 to 3650, was 0",
                assertThrows(IllegalArgumentException.class, () -> PriceFreshness.parseMaxAgeDays("0")).getMessage());
    }
}
