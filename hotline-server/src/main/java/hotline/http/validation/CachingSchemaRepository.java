package hotline.http.validation;

import io.vertx.core.file.FileSystem;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.SchemaException;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract's schema repository, answering one validator per schema instead of a new one per call: Vert.x's
 * repository copies its whole schema lookup table (the contract plus the JSON Schema meta-schemas) into every
 * validator it makes, which cost a third of the server's CPU when done per request. A validator only reads its table,
 * so one may serve every thread. Everything else goes to the wrapped repository.
 */
final class CachingSchemaRepository implements SchemaRepository {

    /** Schemas are compared by identity: the contract's schema objects live as long as the contract. */
    private record Identity(JsonSchema schema) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity that && that.schema == schema;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(schema);
        }
    }

    private final SchemaRepository repository;
    private final Map<Identity, Validator> validators = new ConcurrentHashMap<>();

    CachingSchemaRepository(SchemaRepository repository) {
        this.repository = repository;
    }

    @Override
    public Validator validator(JsonSchema schema) {
        return validators.computeIfAbsent(new Identity(schema), key -> repository.validator(key.schema()));
    }

    @Override
    public SchemaRepository dereference(JsonSchema schema) throws SchemaException {
        repository.dereference(schema);
        return this;
    }

    @Override
    public SchemaRepository dereference(String uri, JsonSchema schema) throws SchemaException {
        repository.dereference(uri, schema);
        return this;
    }

    @Override
    public SchemaRepository preloadMetaSchema(FileSystem fs) {
        repository.preloadMetaSchema(fs);
        return this;
    }

    @Override
    public SchemaRepository preloadMetaSchema(FileSystem fs, Draft draft) {
        repository.preloadMetaSchema(fs, draft);
        return this;
    }

    @Override
    public Validator validator(String ref) {
        return repository.validator(ref);
    }

    @Override
    public Validator validator(String ref, JsonSchemaOptions options) {
        return repository.validator(ref, options);
    }

    @Override
    public Validator validator(JsonSchema schema, JsonSchemaOptions options, boolean dereference) {
        return repository.validator(schema, options, dereference);
    }

    @Override
    public JsonObject resolve(JsonObject schema) {
        return repository.resolve(schema);
    }

    @Override
    public JsonSchema find(String pointer) {
        return repository.find(pointer);
    }
}
