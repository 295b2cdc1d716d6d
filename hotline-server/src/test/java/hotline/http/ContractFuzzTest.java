package hotline.http;

import hotline.App;
import hotline.testing.TestApp;
import hotline.testing.fuzz.ApiOperation;
import hotline.testing.fuzz.Fuzzer;
import hotline.testing.fuzz.HostileRequest;
import hotline.testing.fuzz.Mutation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API against hostile input, generated from {@code openapi.yaml} (a new operation is covered without a change
 * here): wrong types, missing and extra fields, boundary and overflow numbers, NUL, lone surrogates and invalid UTF-8,
 * malformed escapes, huge strings, deep nesting, wrong content types, broken JSON and chunking, bad path ids. jqwik
 * runs these properties (its engine beside Jupiter's); the server is one of {@link TestApp}, since jqwik has its own
 * life cycle instead of Jupiter's extensions. A longer run: {@code bench/run ContractFuzz}.
 */
class ContractFuzzTest {

    private static App app;
    private static Fuzzer fuzzer;

    @BeforeContainer
    static void start() {
        app = TestApp.start(Fuzzer.settings(), Clock.systemUTC());
        fuzzer = Fuzzer.against(app);
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Property(generation = GenerationMode.EXHAUSTIVE, tries = 10_000)
    @Label("every operation of the contract meets every kind of hostile input without a 5xx or a dropped connection, "
            + "and a refusal changes nothing stored")
    void everyOperationEveryKind(@ForAll("operations") ApiOperation operation, @ForAll Mutation mutation) {
        assertThat(fuzzer.send(HostileRequest.canonical(operation, mutation)).problem()).isEmpty();
    }

    @Property(tries = 250)
    @Label("hostile requests drawn at random get no 5xx and no dropped connection, and a refusal changes nothing stored")
    void anyHostileRequest(@ForAll("hostile") HostileRequest request) {
        assertThat(fuzzer.send(request).problem()).isEmpty();
    }

    @Provide
    Arbitrary<ApiOperation> operations() {
        return Arbitraries.of(fuzzer.operations());
    }

    @Provide
    Arbitrary<HostileRequest> hostile() {
        return HostileRequest.any(fuzzer.operations());
    }
}
