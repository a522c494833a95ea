package ca.scalloy.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.library.LibraryMaterial;
import ca.scalloy.engine.spec.Specification;
import ca.scalloy.io.FormatException;
import ca.scalloy.io.MaterialFiles;
import ca.scalloy.io.RecipeFiles;
import ca.scalloy.io.SpecificationFiles;
import ca.scalloy.store.Database;

/**
 * {@code scalloy import FILE...}: recipe files, material libraries and specification files (or
 * folders of them) into the database. Every file is read and checked first; only when all are
 * good is anything written, so a bad file never leaves a half-done import.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import recipe, material and specification files (or folders of them) into the database.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:imported", "2:a file is invalid (nothing imported)"})
final class ImportCommand extends StoreCommand {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files or folders (every *.json in a folder).")
    List<Path> files;

    private record Parsed(Path file, Recipe recipe, List<LibraryMaterial> materials, List<Specification> specs) {
    }

    /** Every file, read and checked before the database is opened. */
    private List<Parsed> parsedFiles;

    @Override
    public Integer call() {
        List<Parsed> parsed = new ArrayList<>();
        try {
            for (Path f : expand(files)) {
                parsed.add(parse(f));
            }
        } catch (FormatException e) {
            err().println("scalloy: " + e.getMessage() + " (nothing imported)");
            return ScalloyCli.INVALID_INPUT;
        } catch (IOException e) {
            err().println("scalloy: " + e.getMessage() + ": cannot be read (nothing imported)");
            return ScalloyCli.INVALID_INPUT;
        }
        this.parsedFiles = parsed;
        return super.call();
    }

    @Override
    int run(Database database) {
        for (Parsed p : parsedFiles) {
            if (p.recipe() != null) {
                var v = database.recipes().save(p.recipe(), "imported from " + p.file().getFileName());
                out().println(p.file() + ": recipe '" + p.recipe().name() + "' version " + v.version());
            } else if (p.materials() != null) {
                for (LibraryMaterial m : p.materials()) {
                    if (database.materials().find(m.id()).isPresent()) {
                        database.materials().update(m);
                    } else {
                        database.materials().add(m);
                    }
                }
                out().println(p.file() + ": " + p.materials().size() + " materials");
            } else {
                for (Specification s : p.specs()) {
                    database.specifications().save(s);
                }
                out().println(p.file() + ": " + p.specs().size() + " specifications");
            }
        }
        return ScalloyCli.OK;
    }

    private static List<Path> expand(List<Path> args) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : args) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.toString().endsWith(".json")).sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** Reads one file by its {@code format} field. */
    private static Parsed parse(Path f) throws IOException, FormatException {
        String json = Files.readString(f, StandardCharsets.UTF_8);
        String name = f.toString();
        if (json.contains("\"" + MaterialFiles.FORMAT + "\"")) {
            return new Parsed(f, null, MaterialFiles.parse(json, name), null);
        }
        if (json.contains("\"" + SpecificationFiles.FORMAT + "\"")) {
            return new Parsed(f, null, null, SpecificationFiles.parse(json, name));
        }
        return new Parsed(f, RecipeFiles.parse(json, name), null, null);
    }
}
