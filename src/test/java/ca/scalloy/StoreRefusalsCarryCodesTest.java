package ca.scalloy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import ca.scalloy.store.StoreException;

/**
 * Every refusal of the store carries a code and arguments for the workbench's bundles (issue 13 point 5): no
 * {@link StoreException} can be made from an English sentence alone, and none is made from an exception invented
 * only to carry one. A new English-only refusal fails here (or does not compile) instead of reaching a French user.
 */
class StoreRefusalsCarryCodesTest {

    @Test
    void noStoreExceptionConstructorTakesAnEnglishSentence() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("ca.scalloy");
        List<String> english = new ArrayList<>();
        int refusals = 0;
        for (JavaClass c : classes) {
            if (!c.isAssignableTo(StoreException.class)) {
                continue;
            }
            refusals++;
            for (JavaConstructor k : c.getConstructors()) {
                // (String), (String, Throwable): a sentence and perhaps its cause; a field name among numbers is not one.
                List<JavaClass> types = k.getRawParameterTypes();
                boolean sentence = types.stream().anyMatch(t -> t.isEquivalentTo(String.class))
                        && types.stream().allMatch(t -> t.isEquivalentTo(String.class) || t.isAssignableTo(Throwable.class));
                if (sentence) {
                    english.add(k.getFullName());
                }
            }
        }
        assertFalse(refusals < 7, "StoreException and its six kinds of refusal were not found: " + refusals);
        assertEquals(List.of(), english, "a store refusal takes a Message (code, English, arguments), not a sentence");
    }

    @Test
    void noStoreExceptionIsMadeFromASentenceOrAnExceptionMadeOnTheSpot() throws IOException {
        // "new StoreException(new IllegalArgumentException(\"…\"))" would put an English sentence back without a code.
        Pattern madeUp = Pattern.compile("new\\s+\\w*(StoreException|ChangeException|PermissionException|LostException)"
                + "\\s*\\(\\s*(\"|new\\s+(?!Message\\b)\\w+)");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = madeUp.matcher(Files.readString(f));
                while (m.find()) {
                    found.add(f + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
