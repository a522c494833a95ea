package ca.scalloy.cli;

import java.io.IOException;
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
import ca.scalloy.io.TextFiles;
import ca.scalloy.io.UnreadableFileException;
import ca.scalloy.store.RecipeRepository;
import ca.scalloy.store.SpecificationRepository;
import ca.scalloy.store.StoreException;
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
        } catch (UnreadableFileException e) {
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
        // Everything is checked against the database's columns (and a material's price date) before the first write.
        for (Parsed p : parsedFiles) {
            try {
                if (p.recipe() != null) {
                    RecipeRepository.checkFits(p.recipe(), "imported from " + p.file().getFileName());
                } else if (p.materials() != null) {
                    p.materials().forEach(m -> database.materials().checkFits(m));
                } else {
                    p.specs().forEach(SpecificationRepository::checkFits);
                }
            } catch (StoreException e) {
                err().println("scalloy: " + p.file() + ": " + e.getMessage() + " (nothing imported)");
                return ScalloyCli.INVALID_INPUT;
            }
        }
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
        String json = TextFiles.read(f, TextFiles.DOCUMENT_MAX_BYTES, "a recipe, material or specification file");
        String name = f.toString();
        if (json.contains("\"" + MaterialFiles.FORMAT + "\"")) {
            return new Parsed(f, null, MaterialFiles.parse(json, name), null);
        }
        if (json.contains("\"" + SpecificationFiles.FORMAT + "\"")) {
            return new Parsed(f, null, null, SpecificationFiles.parse(json, name));
        }
        if (json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > TextFiles.RECIPE_MAX_BYTES) {
            throw new UnreadableFileException(f, "is too big for a recipe file (at most " + (TextFiles.RECIPE_MAX_BYTES >> 20) + " MiB)");
        }
        return new Parsed(f, RecipeFiles.parse(json, name), null, null);
    }
}
