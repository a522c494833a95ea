package ca.scalloy.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.charge.Diagnosis;

/** A confidence no charge reaches is worded with what holds it there, in English and in French. */
class DiagnosisWordsTest {

    private static final Diagnosis HELD = new Diagnosis(Diagnosis.Kind.CONFIDENCE, null, 95.0, 61.05, false, "engine words",
            List.of(new Diagnosis.Conflict(Diagnosis.Subject.ELEMENT, "Sc", 90.0, null),
                    new Diagnosis.Conflict(Diagnosis.Subject.REDUCTION, "Al", 0.0, null)), false);

    @Test
    void aConfidenceDiagnosisNamesTheLimitsAndTheReductionThatHoldIt() {
        assertEquals("No charge meets every limit with 95 % confidence given the materials\u2019 stated deviations: the highest"
                + " confidence any charge reaches is 61.05 %, held there by Sc min 90 %, Al enough for the compounds\u2019 reduction",
                DiagnosisWords.describe(HELD, Messages.forLocale(Locale.ENGLISH)));
    }

    @Test
    void aConfidenceDiagnosisNamesWhatHoldsItInFrench() {
        assertEquals("Aucune charge ne respecte toutes les limites avec une confiance de 95 % compte tenu des écarts déclarés des"
                + " matières : la confiance la plus élevée qu\u2019une charge atteint est de 61,05 %, limitée par Sc min 90 %, Al suffisant"
                + " pour la réduction des composés", DiagnosisWords.describe(HELD, Messages.forLocale(Locale.CANADA_FRENCH)).replace('\u00a0', ' '));
    }

    private static final Diagnosis TOGETHER = new Diagnosis(Diagnosis.Kind.CONFIDENCE, null, 95.0, 78.3, false, "engine words",
            List.of(new Diagnosis.Conflict(Diagnosis.Subject.ELEMENT, "Sc", null, 0.22),
                    new Diagnosis.Conflict(Diagnosis.Subject.ELEMENT, "Zr", null, 0.22)), false, null, true);

    @Test
    void limitsThatHoldAConfidenceOnlyTogetherAreNamedAsASet() {
        assertEquals("No charge meets every limit with 95 % confidence given the materials\u2019 stated deviations: the highest"
                + " confidence any charge reaches is 78.3 %, held there by Sc max 0.22 % and Zr max 0.22 % together (no one of"
                + " them on its own)", DiagnosisWords.describe(TOGETHER, Messages.forLocale(Locale.ENGLISH)));
        assertEquals("Aucune charge ne respecte toutes les limites avec une confiance de 95 % compte tenu des écarts déclarés des"
                + " matières : la confiance la plus élevée qu\u2019une charge atteint est de 78,3 %, limitée par Sc max 0,22 % et"
                + " Zr max 0,22 % ensemble (aucune de ces limites à elle seule)",
                DiagnosisWords.describe(TOGETHER, Messages.forLocale(Locale.CANADA_FRENCH)).replace('\u00a0', ' '));
    }

    @Test
    void aConfidenceDiagnosisWithNothingNamedReadsAsBefore() {
        Diagnosis bare = new Diagnosis(Diagnosis.Kind.CONFIDENCE, null, 95.0, 61.05, false, "engine words", List.of(), false);
        assertEquals("No charge meets every limit with 95 % confidence given the materials\u2019 stated deviations: the highest"
                + " confidence any charge reaches is 61.05 %", DiagnosisWords.describe(bare, Messages.forLocale(Locale.ENGLISH)));
    }
}
