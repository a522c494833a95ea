package ca.scalloy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import ca.scalloy.engine.library.LibraryMaterial;

/**
 * The Batch screen's "Add from library…" reads the library again each time its list opens. A combo box whose list is
 * replaced drops its value (the Heats screen planned heats against the wrong specification that way): a material
 * chosen, then the list opened again before "Add", must still be the one chosen, and "Add" still enabled.
 */
class LibraryPickerKeepsItsChoiceTest extends FxRobot {

    @RegisterExtension
    final RealWorkbench workbench = new RealWorkbench();

    @Test
    void aMaterialChosenInTheLibraryPickerStaysChosenWhenItsListIsReadAgain() throws Exception {
        workbench.start(this, "en");
        workbench.openExample(this);
        @SuppressWarnings("unchecked")
        ComboBox<LibraryMaterial> picker = lookup("#libraryPicker").queryAs(ComboBox.class);
        Button add = lookup("#libraryPickerAdd").queryButton();

        // the library is read when the database has opened (in the background at start) and at each opening of the list
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> picker.getItems().size() > 1);
        interact(picker::show);
        WaitForAsyncUtils.waitForFxEvents(10);
        interact(() -> {
            picker.getSelectionModel().select(1);
            picker.hide();
        });
        LibraryMaterial chosen = picker.getValue();
        assertNotNull(chosen);
        assertFalse(add.isDisabled());

        // opened again: the list is read again and refreshed while the choice stands (the read, a few milliseconds on
        // the database's worker, has nothing on screen to wait for: half a second is given; with the list replaced by
        // setAll, as before the fix, the value is null here)
        interact(picker::show);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents(10);
        interact(picker::hide);

        assertTrue(picker.getItems().size() > 1);
        assertEquals(chosen.material().id(), picker.getValue() == null ? null : picker.getValue().material().id());
        assertFalse(add.isDisabled(), "Add stays enabled for the chosen material");
    }
}
