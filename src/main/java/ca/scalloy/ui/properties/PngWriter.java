package ca.scalloy.ui.properties;

import java.io.IOException;
import java.nio.file.Path;

/** Writes the picture a chart shows to a PNG file: the view's part of exporting it. */
@FunctionalInterface
public interface PngWriter {
    void write(Path file) throws IOException;
}
