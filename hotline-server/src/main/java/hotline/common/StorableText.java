package hotline.common;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What text the hotline accepts: any Unicode text except NUL (PostgreSQL's text and jsonb cannot hold it) and lone
 * UTF-16 surrogates (no character at all: encoding one to UTF-8 would silently turn it into '?'). Text is stored
 * exactly as sent or refused, never altered. Stateless and thread-safe.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Why {@code text} cannot be stored, or empty when it can. */
    public static Optional<String> problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return Optional.of("contains a NUL character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains a lone UTF-16 surrogate (\\u" + Integer.toHexString(c) + "), which is no character");
            }
        }
        return Optional.empty();
    }

    /** {@code text} unchanged, or a {@link BadRequestException} naming {@code field} when it cannot be stored. */
    public static String require(String field, String text) {
        if (text != null) {
            problem(text).ifPresent(problem -> {
                throw new BadRequestException(field, field + " " + problem);
            });
        }
        return text;
    }

    /**
     * {@code bytes} read as strict UTF-8: overlong forms (such as {@code C0 80} for NUL), encoded surrogates and
     * truncated sequences are refused, not replaced.
     *
     * @throws BadRequestException naming {@code field} when the bytes are not UTF-8
     */
    public static String decodeUtf8(String field, ByteBuffer bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestException(field, field + " is not valid UTF-8 text");
        }
    }
}
