package ca.scalloy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    @Test
    void theInstalledLauncherTakesTheSystemPropertiesOfJdkJavaOptions() {
        Properties system = new Properties();
        system.setProperty(LauncherOptions.JPACKAGE_APP_PATH, "/opt/scalloy/bin/scalloy");

        LauncherOptions.applyWhenInstalled(Map.of("JDK_JAVA_OPTIONS",
                "-Dprism.order=sw  -Xmx1g -Dscalloy.exitAfterShownMs=100 \"-Dscalloy.open=/tmp/my recipes/a.json\" -Dflag"), system);

        assertEquals("sw", system.getProperty("prism.order"));
        assertEquals("100", system.getProperty("scalloy.exitAfterShownMs"));
        assertEquals("/tmp/my recipes/a.json", system.getProperty("scalloy.open"));
        assertEquals("", system.getProperty("flag"));
        // -X options cannot be applied to a running JVM: nothing is made of them
        assertEquals(5, system.size());
    }

    @Test
    void underTheJavaCommandTheVariableIsLeftToIt() {
        Properties system = new Properties();

        LauncherOptions.applyWhenInstalled(Map.of("JDK_JAVA_OPTIONS", "-Dprism.order=sw"), system);

        // java already read it (and would have set it twice)
        assertNull(system.getProperty("prism.order"));
    }

    @Test
    void optionsSplitOnSpacesOutsideQuotes() {
        assertEquals(List.of("-Da=1", "-Db=two words", "-Dc='x'"), LauncherOptions.split("  -Da=1\t-Db=\"two words\" -Dc=\"'x'\" "));
    }
}
