package ca.scalloy.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import picocli.CommandLine.Option;

/**
 * {@code --force}: a command that writes a file refuses one that exists unless told to replace it,
 * before it does anything else, so that a mistyped name never costs the user a file.
 */
final class Overwrite {

    @Option(names = "--force", description = "Replace the output file if it exists (without it, an existing file is refused).")
    boolean force;

    /**
     * Whether every one of {@code files} may be written: true with {@code --force} or when none exists;
     * else prints one line naming the first that exists and returns false (the command exits 2).
     *
     * @param option how the command names the output (e.g. "--out")
     */
    boolean allows(Collection<Path> files, String option, PrintWriter err) {
        if (force) {
            return true;
        }
        for (Path f : files) {
            if (f != null && Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
                err.println("scalloy: " + option + " " + f + " exists; give --force to replace it");
                return false;
            }
        }
        return true;
    }

    boolean allows(Path file, String option, PrintWriter err) {
        return allows(file == null ? List.of() : List.of(file), option, err);
    }
}
