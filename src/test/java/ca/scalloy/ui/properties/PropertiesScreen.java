package ca.scalloy.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javafx.stage.Stage;

import org.testfx.util.WaitForAsyncUtils;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.kinetics.PrecipitationKinetics;
import ca.scalloy.engine.kinetics.StartingStates;
import ca.scalloy.engine.props.PropertyCalculator;
import ca.scalloy.engine.thermo.PhaseDiagrams;
import ca.scalloy.engine.thermo.ThermoCalculator;
import ca.scalloy.solver.OjalgoSolver;
import ca.scalloy.ui.batch.BatchView;
import ca.scalloy.ui.batch.BatchViewModel;
import ca.scalloy.ui.common.FxBackgroundExecutor;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Screen;
import ca.scalloy.ui.common.ScriptedDialogs;
import ca.scalloy.ui.common.TestShell;

/** The Batch and Properties screens wired as ScalloyApp wires them (the charge and the models on their own workers), for TestFX tests. */
final class PropertiesScreen {

    final BatchViewModel batch;
    final PropertiesViewModel properties;
    final AgeingViewModel ageing;

    private PropertiesScreen(BatchViewModel batch, PropertiesViewModel properties, AgeingViewModel ageing) {
        this.batch = batch;
        this.properties = properties;
        this.ageing = ageing;
    }

    /** Waits long enough for a first thermodynamic calculation on a loaded machine (it reads the databases). */
    static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::get);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The file is a PNG picture of some size, not an empty or cut one. */
    static void assertPng(Path file) throws IOException {
        byte[] head = Files.readAllBytes(file);
        assertTrue(head.length > 10_000, "a picture, not an empty file: " + head.length + " bytes");
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);
    }

    static PropertiesScreen show(Stage stage, ScriptedDialogs dialogs) {
        Messages en = Messages.forLocale(Locale.CANADA);
        FxBackgroundExecutor executor = new FxBackgroundExecutor();
        FxBackgroundExecutor models = new FxBackgroundExecutor("scalloy-models");
        BatchViewModel batch = new BatchViewModel(en, new ChargeCalculator(new OjalgoSolver()), executor, models, dialogs,
                TestShell.recipeFiles());
        PropertiesViewModel properties = new PropertiesViewModel(en, new PropertyCalculator(), models, batch);
        SolidificationViewModel solidification = new SolidificationViewModel(en, ThermoCalculator.alRichCorner(), models, dialogs,
                properties.alloyProperty());
        AgeingViewModel ageing = new AgeingViewModel(en, new PrecipitationKinetics(), new StartingStates()::of, models, dialogs,
                properties.alloyProperty());
        PhaseDiagramViewModel diagram = new PhaseDiagramViewModel(en, PhaseDiagrams.standard(), models, dialogs, properties.alloyProperty(),
                properties.estimateProperty());
        TestShell.show(stage, en, batch, dialogs, Map.of(Screen.BATCH, () -> new BatchView(batch, en).build(),
                Screen.PROPERTIES, () -> new PropertiesView(properties, solidification, ageing, diagram, en).build()));
        return new PropertiesScreen(batch, properties, ageing);
    }
}
