package hotline.testing.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.math.BigInteger;

/**
 * The kinds of hostile input the fuzzer sends, each with the values it draws (jqwik arbitraries) and one canonical
 * value for the run that tries every kind on every operation. Values are raw text: a JSON literal, an escape, a
 * header, a count.
 */
public enum Mutation {
    /** A JSON value of another type in place of a field. */
    WRONG_TYPE("\"text\"", Arbitraries.of("12345", "true", "\"text\"", "[]", "{}", "null", "1.5", "[\"a\",1]")),
    /** A required field, parameter or body left out. */
    MISSING_REQUIRED("", Arbitraries.just("")),
    /** A field or parameter the contract does not name. */
    EXTRA_FIELD("unexpected", Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(20)),
    /** Numbers at and just past the bounds of the common integer types. */
    BOUNDARY_NUMBER("-1", Arbitraries.of("0", "-1", "1.5", "2147483648", "9223372036854775807",
            "-9223372036854775808", "100001", "1e3", "-0")),
    /** Numbers no 64-bit integer or double holds. */
    OVERFLOW_NUMBER("9223372036854775808", Arbitraries.oneOf(
            Arbitraries.of("9223372036854775808", "1e999", "-1e999", "99999999999999999999999", "1e-999"),
            Arbitraries.bigIntegers().between(BigInteger.TWO.pow(63), BigInteger.TWO.pow(256)).map(String::valueOf))),
    /** Text with a NUL character in it (sent as the JSON escape, or %00). */
    NUL("a\\u0000b", Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12)
            .map(text -> text.replace("\\", "").replace("\"", "") + "\\u0000")),
    /** Text with a lone UTF-16 surrogate (a JSON escape that is no character). */
    LONE_SURROGATE("a\\ud800b", Arbitraries.of("\\ud800", "\\udfff", "x\\udbff", "\\udc00\\ud800")),
    /** Bytes that are not UTF-8: overlong forms, encoded surrogates, stray continuation bytes, cut sequences. */
    INVALID_UTF8("C080", Arbitraries.of("C080", "E08080", "EDA080", "FF", "F888808080", "80", "C3", "F4908080", "E4B8")),
    /** A query string whose percent-escapes are broken or decode to what cannot be stored. */
    MALFORMED_ESCAPE("%ZZ", Arbitraries.of("%", "%Z", "%ZZ", "%C0%80", "%ED%A0%80", "%00", "%FF", "%E4%B8", "a%2")),
    /** A text of this many characters. */
    HUGE_STRING("200000", Arbitraries.integers().between(10_000, 2_000_000).map(String::valueOf)),
    /** Arrays nested this deep. */
    DEEP_NESTING("5000", Arbitraries.integers().between(100, 200_000).map(String::valueOf)),
    /** The body sent with another content type. */
    WRONG_CONTENT_TYPE("text/plain", Arbitraries.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16",
            "text/csv", "*/*", "application/json\u0000")),
    /** A body that is not JSON. */
    MALFORMED_JSON("{\"a\":", Arbitraries.of("{", "{\"a\":", "}", "{\"a\" 1}", "[1,]", "nul", "{\"a\":01}", "\"",
            "{\"a\":1}{\"b\":2}")),
    /** A chunked body whose framing is broken (sent as is after {@code Transfer-Encoding: chunked}). */
    MALFORMED_CHUNKED("ZZZ\r\nabc\r\n0\r\n\r\n", Arbitraries.of("ZZZ\r\nabc\r\n0\r\n\r\n",
            "5\r\nabcdefghij\r\n0\r\n\r\n", "-1\r\nx\r\n0\r\n\r\n", "FFFFFFFFFFFFFFFFFF\r\nx\r\n", "3\r\nabc0\r\n\r\n",
            "2;ext=\u0000\r\n{}\r\n0\r\n\r\n")),
    /** A path parameter that is no id. */
    BAD_PATH_ID("abc", Arbitraries.of("0", "-1", "abc", "%ZZ", "99999999999999999999", "1.5", "%00", "%C0%80", "1e3",
            "9223372036854775808"));

    private final String canonical;
    private final Arbitrary<String> values;

    Mutation(String canonical, Arbitrary<String> values) {
        this.canonical = canonical;
        this.values = values;
    }

    public String canonical() {
        return canonical;
    }

    public Arbitrary<String> drawn() {
        return values;
    }
}
