package hotline.customer.internal;

import java.nio.charset.CharacterCodingException;

/**
 * What went wrong with a file that cannot be read as CSV at all, in plain words for the person who made it (the CSV
 * library's messages name its classes and internal states).
 */
final class CsvTrouble {

    private CsvTrouble() {
    }

    /** @param line the line the reader had reached */
    static String describe(Throwable failure, long line) {
        String message = String.valueOf(failure.getMessage());
        String where = " (near line " + Math.max(1, line) + ")";
        if (failure instanceof CharacterCodingException) {
            return "the file is not UTF-8 text" + where + "; save it as UTF-8 and send it again";
        }
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted cell is never closed" + where + "; every quote that opens a cell must close it";
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")
                || message.contains("Invalid char between encapsulated token and delimiter")) {
            return "a quoted cell is followed by more text before the next comma" + where
                    + "; write a quote inside a quoted cell as two quotes (\"\")";
        }
        if (message.contains("duplicate name")) {
            return "the header names a column twice";
        }
        if (message.contains("header name is missing") || message.contains("empty")) {
            return "the header has a column without a name";
        }
        return "the file cannot be read as CSV" + where;
    }
}
