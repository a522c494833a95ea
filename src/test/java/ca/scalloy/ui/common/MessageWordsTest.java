package ca.scalloy.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Message;
import ca.scalloy.engine.Role;
import ca.scalloy.engine.MessageException;
import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ElementTarget;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.doc.CertificateOfAnalysis;
import ca.scalloy.engine.heat.BelowDetection;
import ca.scalloy.engine.heat.HeatSample;
import ca.scalloy.engine.heat.SampleAnalysis;
import ca.scalloy.engine.heat.SampleChecker;
import ca.scalloy.engine.kinetics.AgeingSchedule;
import ca.scalloy.engine.spec.ComplianceChecker;
import ca.scalloy.engine.spec.ElementLimit;
import ca.scalloy.engine.spec.MakeItComply;
import ca.scalloy.engine.spec.Specification;
import ca.scalloy.io.RecipeFiles;
import ca.scalloy.io.RecipeFormatException;
import ca.scalloy.solver.OjalgoSolver;
import ca.scalloy.store.Database;
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

    /** Three clauses: the English joins them with "; ", French words each and joins them with " ; " (no-break space). */
    @Test
    void joinedClausesAreEachWordedAndJoinedInTheReadersTypography() {
        Message m = Message.joined(List.of(Message.of("state.homogenisedAt", "homogenised at 500 °C", 500.0),
                Message.of("state.annealedAt", "annealed at 345 °C", 345.0), Message.of("state.grainGiven", "grain size given")));
        assertEquals("homogenised at 500 °C; annealed at 345 °C; grain size given", m.english());
        assertEquals("homogenised at 500 °C; annealed at 345 °C; grain size given", MessageWords.of(m, EN));
        assertEquals("homogénéisé à 500 °C\u00a0; recuit à 345 °C\u00a0; taille de grain donnée", MessageWords.of(m, FR));
        Message one = Message.of("state.grainGiven", "grain size given");
        assertEquals(one, Message.joined(List.of(one)));
        assertThrows(IllegalArgumentException.class, () -> Message.joined(List.of()));
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
    void aRefusedSampleIsSaidInFrenchNotInTheEnginesEnglish() {
        MessageException blank = assertThrows(MessageException.class, () -> new SampleAnalysis(" ", "", "OES", Map.of("Sc", 1.9)));
        assertEquals("un échantillon doit avoir son numéro", MessageWords.failure(blank, FR));
        MessageException over = assertThrows(MessageException.class, () -> new SampleAnalysis("S-1", "", "OES", Map.of("Sc", 150.0)));
        assertEquals("S-1: Sc must be from 0 to 100 wt%, was 150.0", over.getMessage(), "the command line's English is unchanged");
        assertEquals("S-1 : Sc doit être de 0 à 100 % massique, était 150", MessageWords.failure(over, FR));
        MessageException both = assertThrows(MessageException.class, () -> new SampleAnalysis("S-1", "", "OES", Map.of("Na", 0.001),
                Map.of("Na", BelowDetection.below(0.0005))));
        assertEquals("S-1 : Na est donné à la fois comme valeur et sous la limite de détection", MessageWords.failure(both, FR));
        MessageException unknown = assertThrows(MessageException.class, () -> new SampleAnalysis("S-1", "", "OES", Map.of("Xx", 1.0)));
        assertEquals("S-1 : élément inconnu « Xx »", MessageWords.failure(unknown, FR));
        // a sample whose values add up to more than 100 %: refused when it is judged, naming the sample
        Specification spec = new Specification("S", "EV", "", List.of(new ElementLimit("Sc", 1.8, 2.2)), null, null, List.of(), "", "");
        MessageException sum = assertThrows(MessageException.class, () -> new SampleChecker().check(new SampleAnalysis("S-2", "", "OES",
                Map.of("Sc", 60.0, "Mg", 50.0)), spec, "Al"));
        assertEquals("sample S-2: the listed elements sum to 110.0 wt%, above 100 wt%", sum.getMessage());
        assertEquals("échantillon S-2 : les éléments listés totalisent 110 % massique, plus de 100 %", MessageWords.failure(sum, FR));
        MessageException limit = assertThrows(MessageException.class, () -> BelowDetection.below(101));
        assertEquals("une limite de détection doit être de 0 à 100 % massique, était 101", MessageWords.failure(limit, FR));
    }

    @Test
    void aRefusedSpecificationLimitIsSaidInFrenchNotInTheEnginesEnglish() {
        MessageException minMax = assertThrows(MessageException.class, () -> new ElementLimit("Fe", 0.2, 0.15));
        assertEquals("Fe: minPct 0.2 is above maxPct 0.15", minMax.getMessage(), "the command line's English is unchanged");
        assertEquals("Fe : le min 0,2 % massique dépasse le max 0,15 % massique", MessageWords.failure(minMax, FR));
        assertEquals("Fe: the min 0.2 wt% is above the max 0.15 wt%", MessageWords.failure(minMax, EN));
        MessageException over = assertThrows(MessageException.class, () -> new ElementLimit("Sc", 101.0, null));
        assertEquals("Sc : le min doit être un nombre de 0 à 100 % massique, était 101", MessageWords.failure(over, FR));
        MessageException twice = assertThrows(MessageException.class, () -> new Specification("S", "EV", "", List.of(
                new ElementLimit("Sc", 1.8, 2.2), new ElementLimit("Sc", null, 2.0)), null, null, List.of(), "", ""));
        assertEquals("Sc est limité plus d’une fois : gardez une seule limite par élément", MessageWords.failure(twice, FR));
        MessageException others = assertThrows(MessageException.class, () -> new Specification("S", "EV", "", List.of(), 0.2, 0.15,
                List.of(), "", ""));
        assertEquals("autres, chacun max 0,2 % massique dépasse autres, total max 0,15 % massique", MessageWords.failure(others, FR));
    }

    @Test
    void aCertificateRefusedForWantOfAConcessionIsSaidInFrench() {
        Specification spec = new Specification("AlSc2", "MASTER_ALLOY", "", List.of(new ElementLimit("Sc", 1.9, 2.2),
                new ElementLimit("Cu", null, 0.05)), null, null, List.of(), "", "");
        SampleAnalysis a = new SampleAnalysis("H-1-1", "", "OES", Map.of("Sc", 1.85));
        SampleChecker.Result r = new SampleChecker().check(a, spec, "Al");
        HeatSample sample = new HeatSample(a, "", false, r.verdict(), r.checks(), "x", Instant.EPOCH, false);
        MessageException e = assertThrows(MessageException.class,
                () -> CertificateOfAnalysis.builder("COA-H-1-1", "H-1", sample, spec, "MLT").quantityKg(100).issue());
        assertEquals("heat H-1: the final analysis fails AlSc2 (Sc 1.85 %); a certificate needs a recorded concession with its reason",
                e.getMessage(), "the command line's English is unchanged");
        assertEquals("coulée H-1 : l’analyse finale n’est pas conforme à AlSc2 (Sc 1,85 %) ; un certificat demande une dérogation"
                + " enregistrée avec son motif", MessageWords.failure(new StoreException(e.message(), e), FR));
    }

    @Test
    void aRefusedRestoreIsSaidInFrench(@TempDir Path dir) throws IOException {
        Path notABackup = Files.writeString(dir.resolve("notes.zip"), "not a zip");
        Files.createDirectories(dir.resolve("db"));
        StoreException e = assertThrows(StoreException.class, () -> Database.restore(notABackup, dir.resolve("db/scalloy"),
                Clock.systemUTC(), false));
        String shown = MessageWords.failure(e, FR);
        assertTrue(shown.startsWith(notABackup + " n’est pas une sauvegarde Scalloy, ou elle est endommagée : elle ne se lit pas comme"
                + " un fichier zip ("), shown);
        assertTrue(shown.endsWith(") ; rien n’a été changé."), shown);
    }

    @Test
    void theStoresNoSuchAndEmbeddedUserRefusalsAreSaidInFrenchWithNoEnglish(@TempDir Path dir) {
        // A fresh database holds the seeded library only: no heats, and none of these names.
        try (Database db = Database.open(dir.resolve("db/scalloy"), Clock.systemUTC())) {
            Specification spec = new Specification("Client X AlSc2", "MASTER_ALLOY", "", List.of(new ElementLimit("Sc", 1.8, 2.2)), null, null,
                    List.of(), "", "");
            StoreException noSpec = assertThrows(StoreException.class, () -> db.specifications().update(spec));
            assertEquals("no specification named \"Client X AlSc2\"", noSpec.getMessage(), "the command line's English is unchanged");
            assertEquals("aucune spécification nommée « Client X AlSc2 »", MessageWords.failure(noSpec, FR));

            StoreException noHeat = assertThrows(StoreException.class, () -> db.heats().weigh("H-404", 1, 10.0, null, ""));
            assertEquals("no heat numbered \"H-404\"", noHeat.getMessage(), "the command line's English is unchanged");
            assertEquals("aucune coulée numérotée « H-404 »", MessageWords.failure(noHeat, FR));

            StoreException noVersion = assertThrows(StoreException.class, () -> db.recipes().restore("AlSc2 oxide", 3));
            assertEquals("recipe \"AlSc2 oxide\" has no version 3", noVersion.getMessage(), "the command line's English is unchanged");
            assertEquals("la recette « AlSc2 oxide » n’a pas de version 3", MessageWords.failure(noVersion, FR));

            StoreException users = assertThrows(StoreException.class,
                    () -> db.users().create("bob", "long enough", Set.of(Role.OPERATOR)));
            assertEquals("la base de données intégrée a un seul utilisateur, qui détient tous les rôles ; les utilisateurs et les rôles"
                    + " sont pour une base de données PostgreSQL partagée (--db-url)", MessageWords.failure(users, FR));
            assertEquals("the embedded database has one user, who holds every role; users and roles are for a shared PostgreSQL"
                    + " database (--db-url)", MessageWords.failure(users, EN));
        }
    }

    @Test
    void aSpecificationThatCannotMeetTheRecipesTargetIsSaidInFrench() throws Exception {
        // AlSc2's Sc limit is 1.8-2.2 %: a recipe aiming at Sc 0.5-0.6 % cannot take it on
        Recipe recipe = RecipeFiles.read(Path.of("recipes/alsc2-oxide-route.json"));
        List<ElementTarget> targets = recipe.targets().stream()
                .map(t -> t.element().equals("Sc") ? new ElementTarget("Sc", 0.5, null, 0.6) : t).toList();
        Specification spec = new Specification("AlSc2", "MASTER_ALLOY", "", List.of(new ElementLimit("Sc", 1.8, 2.2)), null, null,
                List.of(), "", "");
        MessageException e = assertThrows(MessageException.class,
                () -> new MakeItComply(new ChargeCalculator(new OjalgoSolver()), new ComplianceChecker()).run(recipe.withTargets(targets), spec));
        assertEquals("Sc: the recipe's target 0.5 to 0.6 % and AlSc2's limit 1.8 to 2.2 % do not overlap", e.getMessage());
        assertEquals("Sc : la visée de la recette (0,5–0,6 %) et la limite de AlSc2 (1,8–2,2 %) ne se recouvrent pas",
                MessageWords.failure(e, FR));
    }

    @Test
    void anErrorWithoutACodeNeverShowsNullOrItsEnglishOrItsClass() {
        String npe = MessageWords.failure(new NullPointerException(), FR);
        String english = MessageWords.failure(new StoreException(new IllegalArgumentException("batchMassKg must be a number > 0, was -1000.0")),
                FR);
        for (String shown : new String[] {npe, english}) {
            assertEquals(FR.get("error.unexpected"), shown);
            assertFalse(shown.contains("null") || shown.contains("Exception") || shown.contains("batchMassKg"), shown);
        }
        assertEquals("Le calcul a échoué : " + FR.get("error.unexpected"),
                MessageWords.failure(new IllegalStateException("boom"), FR, "chart.error.failed"));
    }

    @TempDir
    Path dir;

    @Test
    void aFileThatCannotBeWrittenIsNamedWithTheReasonInFrench() {
        Path pdf = dir.resolve("feuille.pdf");
        assertEquals("Impossible d’écrire " + pdf + " : permission refusée.",
                MessageWords.fileFailure(new AccessDeniedException(pdf + ".tmp"), pdf, true, FR));
        assertEquals("Cannot write " + pdf + ": permission denied.", MessageWords.fileFailure(new AccessDeniedException(pdf.toString()), pdf, true, EN));
        assertEquals("Impossible d’écrire " + pdf + " : le disque est plein.",
                MessageWords.fileFailure(new UncheckedIOException(new IOException("No space left on device")), pdf, true, FR));
        String other = MessageWords.fileFailure(new IllegalStateException("boom"), pdf, true, FR);
        assertTrue(other.startsWith("Impossible d’écrire " + pdf + " ;"), other);
        for (String shown : List.of(other, MessageWords.fileFailure(new FileAlreadyExistsException(pdf.toString()), pdf, true, FR),
                MessageWords.fileFailure(new NotDirectoryException(dir.toString()), pdf, true, FR))) {
            NoEnglish.assertNoEnglish(shown);
            assertFalse(shown.contains("boom"), shown);
        }
    }

    @Test
    void aRecipeFileThatCannotBeReadSaysWhyInFrench() throws IOException {
        Path missing = dir.resolve("absente.json");
        Exception gone = assertThrows(IOException.class, () -> RecipeFiles.read(missing));
        assertEquals("Impossible de lire " + missing + " : ce fichier n’existe pas.", MessageWords.fileFailure(gone, missing, false, FR));

        Path bad = dir.resolve("mauvaise.json");
        Files.writeString(bad, "{\n  \"format\": \"scalloy-recipe\",\n  \"formatVersion\": \"deux\"\n}");
        Exception refused = assertThrows(RecipeFormatException.class, () -> RecipeFiles.read(bad));
        String shown = MessageWords.fileFailure(refused, bad, false, FR);
        // formatVersion is on line 3 of the file written above.
        assertEquals(bad + " n’est pas un fichier que Scalloy peut lire : l’erreur est à /formatVersion (ligne 3) ; les détails sont dans le"
                + " journal.", shown);
        NoEnglish.assertNoEnglish(shown);

        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, new byte[] {'{', '"', (byte) 0xE9, '"', '}'});
        Exception notUtf8 = assertThrows(IOException.class, () -> RecipeFiles.read(latin1));
        // 0xE9 (é in ISO-8859-1) is the third byte: offset 2.
        assertEquals("Impossible de lire " + latin1 + " : ce n’est pas du texte UTF-8 (octet 0xE9 à la position 2) ; enregistrez-le en UTF-8.",
                MessageWords.fileFailure(notUtf8, latin1, false, FR));
    }

    @Test
    void aRefusalNamesItsFieldSoThatAFormMarksItWithoutReadingTheEnglish() {
        MessageException e = assertThrows(MessageException.class, () -> ca.scalloy.engine.props.Ageing.aged(200.0, 20_000));
        assertEquals("ageHours", MessageWords.refusedField(e));
        assertEquals("", MessageWords.refusedField(new IllegalArgumentException("ageHours must be …")));
    }
}
