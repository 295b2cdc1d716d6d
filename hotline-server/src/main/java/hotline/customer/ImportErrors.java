package hotline.customer;

import hotline.common.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * The bad rows of one import file as they are found: the first {@value #MAX} kept to be reported one by one, all of
 * them counted (a file of bad rows makes a small answer). Not thread-safe: one reading, one thread.
 */
public final class ImportErrors {

    public static final int MAX = 100;

    private final List<ImportError> first = new ArrayList<>();
    private int count;

    /** Row {@code row} was refused for {@code refusal}, which names the field. */
    public void add(int row, InvalidInputException refusal) {
        if (count++ < MAX) {
            first.add(new ImportError(row, refusal.field(), refusal.getMessage()));
        }
    }

    public List<ImportError> first() {
        return List.copyOf(first);
    }

    public int count() {
        return count;
    }
}
