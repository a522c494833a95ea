package ca.scalloy.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import ca.scalloy.engine.Message;

/**
 * Reads a text file that Scalloy is handed (a recipe, a material or specification file, a
 * spectrometer export, the settings) with the checks every reader needs: a size limit, so that
 * {@code /dev/zero} or a wrong file of gigabytes is refused instead of filling the memory; strict
 * UTF-8, so that a file saved in another encoding is named rather than read as garbled text; and a
 * UTF-8 byte order mark (as spreadsheet programs write) accepted and dropped.
 */
public final class TextFiles {

    /** The largest recipe file read: a recipe is a few kilobytes. */
    public static final long RECIPE_MAX_BYTES = 1L << 20;
    /** The largest material, specification or heat document read (a whole library export). */
    public static final long DOCUMENT_MAX_BYTES = 16L << 20;
    /** The largest spectrometer export read. */
    public static final long CSV_MAX_BYTES = 16L << 20;
    /** The largest settings file read. */
    public static final long SETTINGS_MAX_BYTES = 64L << 10;

    private TextFiles() {
    }

    /**
     * The file's text.
     *
     * @param maxBytes the most bytes the file may hold
     * @param what     what the file should be, for the message ("a recipe file")
     * @throws UnreadableFileException naming the file when it is too big, not a regular file's worth of
     *                                 text, or not UTF-8 (with the offset of the first bad byte)
     * @throws IOException             when it cannot be read at all (missing, no permission)
     */
    public static String read(Path file, long maxBytes, String what) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) > maxBytes) {
            throw tooBig(file, file + " is " + Files.size(file) + " bytes, too big for " + what + " (at most " + limit(maxBytes) + ")",
                    maxBytes);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // Bounded even for what is not a regular file (a device, a pipe), whose size says nothing.
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (bytes.length > maxBytes) {
            throw tooBig(file, file + " holds more than " + limit(maxBytes) + ", too much for " + what, maxBytes);
        }
        return decode(file, bytes);
    }

    /** The bytes as UTF-8 text, a leading byte order mark dropped. */
    static String decode(Path file, byte[] bytes) throws UnreadableFileException {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return utf8.decode(in).toString();
        } catch (CharacterCodingException e) {
            int at = firstBadByte(bytes, start);
            String hex = String.format("%02X", bytes[at] & 0xff);
            throw new UnreadableFileException(file, Message.of("file.read.notUtf8", file + " is not UTF-8 text (byte 0x" + hex
                    + " at offset " + at + "); UTF-8 was expected: save it as UTF-8 (a Windows-1252 or ISO-8859-1 file is not)",
                    file.toString(), hex, at));
        }
    }

    private static int firstBadByte(byte[] bytes, int start) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        utf8.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }

    /** {@code file} holds more than {@code maxBytes}; {@code english} says so for the command line. */
    static UnreadableFileException tooBig(Path file, String english, long maxBytes) {
        return new UnreadableFileException(file, Message.of("file.read.tooBig", english, file.toString(), limit(maxBytes)));
    }

    private static String limit(long bytes) {
        return bytes >= 1L << 20 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
    }
}
