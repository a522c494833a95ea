package ca.scalloy.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Message;
import ca.scalloy.engine.MessageException;
import ca.scalloy.engine.kinetics.AgeingSchedule;
import ca.scalloy.store.StoreException;

class MessageWordsTest {

    private static final Messages FR = Messages.forLocale(Locale.CANADA_FRENCH);
    private static final Messages EN = Messages.forLocale(Locale.CANADA);

    @Test
    void anEngineWarningIsWordedFromTheBundleWithNumbersInTheUsersStyle() {
        Message m = Message.of("warning.edgeCracking", "Na 0.003 wt% is above 0.001 wt%: Al-Mg edge-cracks on hot rolling", "Na", 0.003, 0.001);
        // French decimals take a comma: 0,003 and 0,001.
        assertEquals("Na 0,003 % massique dépasse 0,001 % massique : l’Al-Mg se fissure en rive au laminage à chaud",
                MessageWords.of(m, FR));
        assertEquals("Na 0.003 wt% is above 0.001 wt%: Al-Mg edge-cracks on hot rolling", MessageWords.of(m, EN));
    }

    @Test
    void aRefusedCompositionIsSaidInFrenchNotInTheEnginesEnglish() {
        MessageException e = assertThrows(MessageException.class,
                () -> new Composition(Map.of("Sc", 60.0, "Mg", 50.0), "Al"));
        assertEquals("the listed elements sum to 110.0 wt%, above 100 wt%", e.getMessage(), "the command line's English is unchanged");
        assertEquals("les éléments listés totalisent 110 % massique, plus de 100 %", MessageWords.failure(e, FR));
    }

    @Test
    void aScheduleErrorNamesTheStepInFrench() {
        MessageException e = assertThrows(MessageException.class, () -> AgeingSchedule.parse("300:x"));
        assertEquals("la durée « x » du palier « 300:x » n’est pas un nombre", MessageWords.failure(e, FR));
    }

    @Test
    void anErrorWithoutACodeNeverShowsNullOrItsEnglishOrItsClass() {
        String npe = MessageWords.failure(new NullPointerException(), FR);
        String english = MessageWords.failure(new StoreException("batchMassKg must be a number > 0, was -1000.0"), FR);
        for (String shown : new String[] {npe, english}) {
            assertEquals(FR.get("error.unexpected"), shown);
            assertFalse(shown.contains("null") || shown.contains("Exception") || shown.contains("batchMassKg"), shown);
        }
        assertEquals("Le calcul a échoué : " + FR.get("error.unexpected"),
                MessageWords.failure(new IllegalStateException("boom"), FR, "chart.error.failed"));
    }
}
