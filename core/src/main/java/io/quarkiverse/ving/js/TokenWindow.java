package io.quarkiverse.ving.js;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import io.quarkiverse.ving.js.Token.TokenKind;

/**
 * The tokens of a file as the parser reaches them: lexed when first asked for, and let go once the parser is past them
 * for good. A file of 100,000 props has millions of tokens; holding them all until the whole file was parsed made
 * them most of what the collector copied while the file was read.
 *
 * <p>
 * Tokens are numbered from the start of the file. The parser says how far back it may still look ({@code floor}):
 * tokens before that are dropped when room is needed. Asking past the end gives the end-of-file token.
 */
final class TokenWindow {

    private final Lexer lexer;
    private final IntSupplier floor;
    private final Consumer<Token> onLexed;
    /** Small at first: a JSON schema parses each function it holds on its own, a few tokens each. */
    private Token[] buffer = new Token[16];
    /** The number of the token in {@code buffer[0]}. */
    private int first;
    private int count;
    /** The number of the end-of-file token, once lexed. */
    private int end = -1;

    /**
     * @param floor the lowest token number the parser may still ask for
     * @param onLexed sees each token as it is lexed, in order (strict JSON checks the gaps between them)
     */
    TokenWindow(Lexer lexer, IntSupplier floor, Consumer<Token> onLexed) {
        this.lexer = lexer;
        this.floor = floor;
        this.onLexed = onLexed;
    }

    Token get(int number) {
        int wanted = end >= 0 ? Math.min(number, end) : number;
        while (wanted >= first + count) {
            lexOne();
            wanted = end >= 0 ? Math.min(number, end) : number;
        }
        if (wanted < first) {
            throw new IllegalStateException("Token " + wanted + " was let go; the parser keeps from " + first);
        }
        return buffer[wanted - first];
    }

    private void lexOne() {
        if (count == buffer.length) {
            makeRoom();
        }
        Token token = lexer.nextToken();
        onLexed.accept(token);
        buffer[count++] = token;
        if (token.kind() == TokenKind.EOF) {
            end = first + count - 1;
        }
    }

    /** Drops the tokens before the floor, or grows the buffer when fewer than half of them could go. */
    private void makeRoom() {
        int droppable = Math.max(0, Math.min(floor.getAsInt(), first + count) - first);
        if (droppable >= buffer.length / 2) {
            System.arraycopy(buffer, droppable, buffer, 0, count - droppable);
            Arrays.fill(buffer, count - droppable, count, null);
            first += droppable;
            count -= droppable;
        } else {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
    }
}
