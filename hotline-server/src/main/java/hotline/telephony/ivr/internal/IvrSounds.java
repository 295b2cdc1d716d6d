package hotline.telephony.ivr.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The sound set of the install: every sound Asterisk can play for Hotline, one name per line (relative to
 * {@code sounds/<language>/}, {@code #} starts a comment) of {@code ivr-scripts/prompts/sounds.txt} — packaged as
 * {@value #CLASSPATH_LIST} — or of an edited copy. A flow whose prompt names a sound outside it is refused at
 * start-up; reading a number out (SAY DIGITS) needs {@link #DIGITS}. Immutable.
 *
 * @param source where the list was read, for error messages
 */
public record IvrSounds(String source, Set<String> names) {

    public static final String CLASSPATH_LIST = "ivr-prompts/sounds.txt";
    /** What Asterisk's SAY DIGITS plays for 0–9 (a missing one is silently skipped, so the number reads wrong). */
    public static final Set<String> DIGITS =
            Set.copyOf(IntStream.rangeClosed(0, 9).mapToObj(d -> "digits/" + d).toList());
    /**
     * What SAY NUMBER plays in Chinese and English (digits/0 to 19, the tens, hundred, thousand, 万, 亿, million,
     * minus); Asterisk skips a missing one without a word, so the number would read wrong.
     */
    public static final Set<String> NUMBERS = Set.copyOf(java.util.stream.Stream.of(
            IntStream.rangeClosed(0, 19).mapToObj(n -> "digits/" + n),
            IntStream.rangeClosed(2, 9).mapToObj(n -> "digits/" + n * 10),
            java.util.stream.Stream.of("digits/hundred", "digits/thousand", "digits/million", "digits/wan",
                    "digits/yi", "digits/minus")).flatMap(s -> s).toList());
    /**
     * What SAY DATETIME plays for a date (formats of Y, B, d) in Chinese and English: the numbers, the months
     * (digits/mon-0 to 11), 年 and 日, and the English ordinals of the days (digits/h-1 to h-19, h-20, h-30).
     */
    public static final Set<String> DATES = Set.copyOf(java.util.stream.Stream.of(NUMBERS.stream(),
            IntStream.rangeClosed(0, 11).mapToObj(n -> "digits/mon-" + n),
            IntStream.rangeClosed(1, 19).mapToObj(n -> "digits/h-" + n),
            java.util.stream.Stream.of("digits/h-20", "digits/h-30", "digits/year", "digits/day")).flatMap(s -> s).toList());
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_/-]{0,127}");

    public IvrSounds {
        names = Set.copyOf(names);
    }

    /** The list in {@code file}, or the packaged one when {@code file} is null. */
    public static IvrSounds load(Path file) {
        try {
            if (file != null) {
                if (!Files.isRegularFile(file)) {
                    throw new IvrFlowException("IVR sound list " + file + " does not exist");
                }
                return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
            try (InputStream in = IvrSounds.class.getClassLoader().getResourceAsStream(CLASSPATH_LIST)) {
                if (in == null) {
                    throw new IvrFlowException("IVR sound list " + CLASSPATH_LIST + " is not on the class path");
                }
                return parse(CLASSPATH_LIST, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IvrFlowException("IVR sound list cannot be read: " + e.getMessage());
        }
    }

    static IvrSounds parse(String source, String text) {
        Set<String> names = new LinkedHashSet<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!NAME.matcher(line).matches()) {
                throw new IvrFlowException("IVR sound list " + source + ", line " + (i + 1) + ": '" + line
                        + "' is not a sound name (letters, digits, _, -, /)");
            }
            names.add(line);
        }
        return new IvrSounds(source, names);
    }

    public boolean has(String sound) {
        return names.contains(sound);
    }
}
