package io.quarkiverse.ving.js;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * UTF-8 decoding that refuses bad bytes rather than replacing them (which would change a schema, or a migration's
 * hash), and says where the first one is, for the caller's message.
 */
public final class StrictUtf8 {

    private StrictUtf8() {
    }

    /**
     * The first byte UTF-8 does not allow where it stands.
     *
     * @param offset its offset in the bytes, from 0
     * @param value the byte, 0 to 255
     * @param textBefore the text of the bytes before it
     */
    public record BadByte(int offset, int value, String textBefore) {

        /** Its line, from 1. */
        public int line() {
            return (int) textBefore.chars().filter(c -> c == '\n').count() + 1;
        }
    }

    /**
     * @param onBadByte the exception to throw, given the first bad byte
     */
    public static String decode(byte[] bytes, Function<BadByte, ? extends RuntimeException> onBadByte) {
        if (isAscii(bytes)) {
            // ASCII is UTF-8 as it stands: no decoder, and no buffer of two bytes a character for a large file
            return new String(bytes, StandardCharsets.US_ASCII);
        }
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
            throw onBadByte.apply(new BadByte(offset, bytes[offset] & 0xFF, out.flip().toString()));
        }
        return out.flip().toString();
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
