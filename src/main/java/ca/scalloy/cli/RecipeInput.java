package ca.scalloy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.io.RecipeFiles;
import ca.scalloy.io.RecipeFormatException;
import ca.scalloy.io.UnreadableFileException;

/** Reads a recipe file for a command, turning every failure into one line on the error stream. */
final class RecipeInput {

    private RecipeInput() {
    }

    /** The recipe, or empty after printing why it cannot be read (the command then exits 2). */
    static Optional<Recipe> read(Path file, PrintWriter err) {
        try {
            return Optional.of(RecipeFiles.read(file));
        } catch (RecipeFormatException e) {
            err.println("scalloy: " + e.getMessage());
        } catch (UnreadableFileException e) {
            err.println("scalloy: " + e.getMessage());
        } catch (NoSuchFileException e) {
            err.println("scalloy: " + file + ": no such file");
        } catch (IOException e) {
            err.println("scalloy: " + file + ": cannot be read (" + e.getMessage() + ")");
        }
        return Optional.empty();
    }
}
