package hotline.testing.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;

/**
 * One request the fuzzer sends: a valid request of {@code operation} with one thing broken by {@code mutation},
 * using {@code value} at the {@code location}-th place where that mutation applies (counted modulo the places).
 */
public record HostileRequest(ApiOperation operation, Mutation mutation, String value, int location) {

    /** Any operation, any mutation, any of its values, anywhere: what jqwik draws (and shrinks) from. */
    public static Arbitrary<HostileRequest> any(List<ApiOperation> operations) {
        return Combinators.combine(Arbitraries.of(operations), Arbitraries.of(Mutation.class),
                        Arbitraries.integers().between(0, 1000))
                .flatAs((operation, mutation, location) -> mutation.drawn()
                        .map(value -> new HostileRequest(operation, mutation, value, location)));
    }

    /** The canonical value of {@code mutation} at its first place. */
    public static HostileRequest canonical(ApiOperation operation, Mutation mutation) {
        return new HostileRequest(operation, mutation, mutation.canonical(), 0);
    }

    @Override
    public String toString() {
        String shown = value.length() > 60 ? value.substring(0, 60) + "..." : value;
        return operation.id() + " " + mutation + " " + shown.replace("\u0000", "\\0") + " @" + location;
    }
}
