package io.quarkiverse.ving.schema;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.quarkiverse.ving.schema.mjs.Lexer;
import io.quarkiverse.ving.schema.mjs.SourcePosition;

/**
 * The text of a schema file, which must be UTF-8 (as ving's files and JSON are): a file that cannot be read, or that
 * holds bytes UTF-8 does not allow, is a {@link SchemaException} naming the file and, for bad bytes, where they are.
 */
final class SchemaText {

    private SchemaText() {
    }

    static String read(Path file) {
        try {
            return decode(file, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new SchemaException(file, null, "Cannot read the file: it does not exist.");
        } catch (AccessDeniedException e) {
            throw new SchemaException(file, null, "Cannot read the file: permission denied.");
        } catch (IOException e) {
            throw new SchemaException(file, null, "Cannot read the file: " + e.getMessage() + ".");
        }
    }

    /** The bytes as UTF-8, refusing any that are not (rather than replacing them, which would change the schema). */
    static String decode(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never makes more characters than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            String before = out.flip().toString();
            SourcePosition position = new Lexer(file, before).positionAt(before.length());
            throw new SchemaException(file, position, String.format(
                    "The file is not UTF-8 text: the byte 0x%02X at offset %d (column %d) is not valid UTF-8 there; "
                            + "save the file as UTF-8.",
                    bytes[offset] & 0xFF, offset, position.column()));
        }
        return out.flip().toString();
    }
}
