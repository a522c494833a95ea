package ca.scalloy.engine.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.charge.MaterialUncertainty;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.io.RecipeFiles;

class RecipeDiffUncertaintyTest {

    @Test
    void aChangedConfidenceAndSpreadAreListedAmongAVersionsChanges() throws Exception {
        Recipe before = RecipeFiles.read(Path.of("recipes/alsc2-oxide-route-robust.json"));
        Recipe after = before.withConfidencePct(99.0).withMaterials(before.materials().stream()
                .map(m -> m.id().equals("SC2O3-999") ? m.withUncertainty(new MaterialUncertainty(Map.of("Sc", 0.2), Map.of("Sc", 4.5))) : m)
                .toList());
        assertEquals(List.of(new FieldChange("confidencePct", "95.0", "99.0"),
                new FieldChange("materials[SC2O3-999].uncertainty.recoverySdPct.Sc", "3.0", "4.5")), RecipeDiff.between(before, after));
    }
}
