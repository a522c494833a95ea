package ca.scalloy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import ca.scalloy.engine.spec.PropertyRequirement;
import ca.scalloy.ui.batch.HeaderField;
import ca.scalloy.ui.library.MaterialEditField;

/**
 * Tab walks each editor's inputs in reading order (issue 13 point 7): on the Batch screen the recipe's fields (down
 * the left column, then down the right), the targets, then the materials; on the Library, Specifications and Lots
 * editors their form fields, top to bottom and column by column, then their Save button. Buttons between the inputs
 * (a table's Add and Remove) may be stopped at; an input skipped, visited twice or out of order fails.
 */
class FocusOrderTest extends FxRobot {

    /** More Tab presses than any of these walks needs (the Batch example's target rows are four fields each). */
    private static final int MAX_TABS = 200;

    @RegisterExtension
    final RealWorkbench workbench = new RealWorkbench();

    @Test
    void tabWalksEachEditorsInputsInReadingOrder() throws Exception {
        workbench.start(this, "en");
        workbench.openExample(this);
        Map<String, List<String>> expected = new LinkedHashMap<>();
        Map<String, List<String>> walked = new LinkedHashMap<>();

        List<String> batch = new ArrayList<>();
        Stream.of(HeaderField.NAME, HeaderField.GRADE, HeaderField.BATCH_MASS_KG, HeaderField.FURNACE_CAPACITY_KG,
                HeaderField.MELT_LOSS_PCT, HeaderField.CONFIDENCE_PCT, HeaderField.RECOVERY_PCT, HeaderField.HEEL_MASS_KG,
                HeaderField.HEEL_COMPOSITION_WT_PCT).forEach(f -> batch.add("header-" + f.name()));
        batch.addAll(List.of("objective", "wholePieces", "targetsTable", "materialsTable"));
        expected.put("BATCH", batch);
        walked.put("BATCH", walk("#header-NAME", "materialsTable"));

        clickOn("#nav-LIBRARY");
        clickOn("#libraryAdd");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#libraryEdit-ID").query().isVisible());
        List<String> library = new ArrayList<>(Arrays.stream(MaterialEditField.values()).map(f -> "libraryEdit-" + f.name()).toList());
        library.add("librarySave");
        expected.put("LIBRARY", library);
        walked.put("LIBRARY", walk("#libraryEdit-ID", "librarySave"));
        clickOn("#libraryCancel");

        clickOn("#nav-SPECIFICATIONS");
        clickOn("#specsNew");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> specs = new ArrayList<>(Stream.of("NAME", "SECTOR", "REVISION", "OTHERS_EACH_MAX_PCT", "SOURCE", "CONFIDENCE",
                "OTHERS_TOTAL_MAX_PCT").map(f -> "specsField-" + f).toList());
        specs.add("specsLimits");
        Arrays.stream(PropertyRequirement.Property.values()).forEach(p -> specs.add("specsProperty-" + p.name()));
        specs.add("specsSave");
        expected.put("SPECIFICATIONS", specs);
        walked.put("SPECIFICATIONS", walk("#specsField-NAME", "specsSave"));

        clickOn("#nav-LOTS");
        clickOn("#lotsAdd");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#lotEditor").query().isVisible());
        expected.put("LOTS", List.of("lotNumber", "lotMaterial", "lotAssay", "lotPurity", "lotCertificate", "lotReason", "lotSave"));
        walked.put("LOTS", walk("#lotNumber", "lotSave"));
        clickOn("#lotCancel");

        assertEquals(expected, walked);
    }

    /**
     * Clicks {@code start} and presses Tab until the input {@code last} has the focus: the inputs the focus went
     * through, each once in the order first reached (a table's cells count as the table).
     */
    private List<String> walk(String start, String last) {
        clickOn(start);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i <= MAX_TABS; i++) {
            String input = input(targetWindow().getScene().getFocusOwner());
            if (input != null && !inputs.contains(input)) {
                inputs.add(input);
            } else if (input != null && !input.equals(inputs.get(inputs.size() - 1))) {
                inputs.add(input + " (again)");
            }
            if (last.equals(input) || i == MAX_TABS) {
                break;
            }
            type(KeyCode.TAB);
        }
        return inputs;
    }

    /** The input {@code focused} belongs to (a cell's field to its table, a combo box's editor to the box), or null for a button. */
    private static String input(Node focused) {
        for (Node n = focused; n != null; n = n.getParent()) {
            String id = n.getId();
            if (id != null && (id.startsWith("header-") || id.startsWith("libraryEdit-") || id.startsWith("specsField-")
                    || id.startsWith("specsProperty-") || id.matches("lot(Number|Material|Assay|Purity|Certificate|Reason|Save)")
                    || List.of("objective", "wholePieces", "targetsTable", "materialsTable", "specsLimits", "librarySave", "specsSave")
                            .contains(id))) {
                return id;
            }
        }
        return null;
    }
}
