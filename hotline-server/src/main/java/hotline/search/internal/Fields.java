package hotline.search.internal;

import hotline.search.SearchDocument;
import hotline.search.SearchHit;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Lucene fields of a ticket document and the mapping both ways. Codes are {@link KeywordField}s (exact filter and
 * facet counting from doc values), the creation date a {@link LongField} (range filter and sort), texts
 * {@link TextField}s analysed by {@link HotlineAnalyzer}; look-up keys (number, phones, account) are indexed verbatim
 * in normalised form. Stateless.
 */
public final class Fields {

    public static final String ID = "id";
    public static final String NUMBER = "number";
    public static final String NUMBER_KEY = "number_key";
    public static final String PHONE = "phone";
    public static final String ACCOUNT = "account";
    public static final String TYPE = "type";
    public static final String STATUS = "status";
    public static final String DISTRICT = "district";
    public static final String TIER = "tier";
    public static final String CHANNEL = "channel";
    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String CLOSED = "closed";
    public static final String SUBJECT = "subject";
    public static final String BODY = "body";
    public static final String CUSTOMER = "customer";
    public static final String RESOLUTION = "resolution";
    public static final String SATISFACTION = "satisfaction";

    /** The dimensions counted as facets, in the order the API lists them. */
    public static final List<String> FACETS = List.of(TYPE, STATUS, DISTRICT, TIER);
    /** The stored fields a hit shows (not the long case texts: their snippets come from the highlighter). */
    public static final Set<String> HIT = Set.of(ID, NUMBER, TYPE, STATUS, DISTRICT, SUBJECT, CREATED, UPDATED, CLOSED,
            RESOLUTION, SATISFACTION);
    /** Text fields searched by the user's words, and their weight. */
    public static final List<String> TEXT = List.of(SUBJECT, BODY, CUSTOMER);
    /** The case's own texts: compared for similar cases, searched for synonyms, highlighted. */
    public static final List<String> CASE_TEXT = List.of(SUBJECT, BODY);

    /** Stored text with offsets in the postings, so snippets need no re-analysis of the hits. */
    private static final FieldType HIGHLIGHTED = highlighted();

    private Fields() {
    }

    private static FieldType highlighted() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    public static float weight(String textField) {
        return SUBJECT.equals(textField) ? 2f : 1f;
    }

    public static Term idTerm(long id) {
        return new Term(ID, Long.toString(id));
    }

    /** Digits only: "+86 138-0013 8000" and "13800138000" look up the same phone. */
    public static String phoneKey(String phone) {
        return phone.replaceAll("\\D", "");
    }

    public static String lookupKey(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    public static Document toDocument(SearchDocument ticket) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(ticket.id()), Field.Store.YES));
        doc.add(new NumericDocValuesField(ID, ticket.id()));
        doc.add(new StoredField(NUMBER, ticket.number()));
        doc.add(new StringField(NUMBER_KEY, lookupKey(ticket.number()), Field.Store.NO));
        for (String phone : ticket.phones()) {
            String key = phoneKey(phone);
            if (!key.isEmpty()) {
                doc.add(new StringField(PHONE, key, Field.Store.NO));
            }
        }
        if (notBlank(ticket.customerAccount())) {
            doc.add(new StringField(ACCOUNT, lookupKey(ticket.customerAccount()), Field.Store.NO));
        }
        addCode(doc, TYPE, ticket.type());
        addCode(doc, STATUS, ticket.status());
        addCode(doc, DISTRICT, ticket.district());
        addCode(doc, TIER, ticket.tier());
        addCode(doc, CHANNEL, ticket.channel());
        doc.add(new LongField(CREATED, ticket.createdAt().toEpochMilli(), Field.Store.YES));
        doc.add(new StoredField(UPDATED, ticket.updatedAt().toEpochMilli()));
        if (ticket.closedAt() != null) {
            doc.add(new StoredField(CLOSED, ticket.closedAt().toEpochMilli()));
        }
        doc.add(new Field(SUBJECT, nonNull(ticket.subject()), HIGHLIGHTED));
        addText(doc, BODY, ticket.description(), true);
        addText(doc, BODY, ticket.location(), true);
        for (String text : ticket.eventTexts()) {
            addText(doc, BODY, text, true);
        }
        addText(doc, CUSTOMER, ticket.customerName(), false);
        addText(doc, CUSTOMER, ticket.customerAddress(), false);
        if (notBlank(ticket.resolution())) {
            doc.add(new StoredField(RESOLUTION, ticket.resolution()));
        }
        if (ticket.satisfaction() != null) {
            doc.add(new StoredField(SATISFACTION, ticket.satisfaction()));
        }
        return doc;
    }

    /** A hit from a stored document (snippets and score supplied by the searcher). */
    public static SearchHit toHit(Document doc, float score, List<String> snippets) {
        IndexableField closed = doc.getField(CLOSED);
        IndexableField satisfaction = doc.getField(SATISFACTION);
        return new SearchHit(
                Long.parseLong(doc.get(ID)),
                doc.get(NUMBER),
                nonNull(doc.get(TYPE)),
                nonNull(doc.get(STATUS)),
                nonNull(doc.get(DISTRICT)),
                doc.get(SUBJECT),
                snippets,
                score,
                Instant.ofEpochMilli(doc.getField(CREATED).numericValue().longValue()),
                Instant.ofEpochMilli(doc.getField(UPDATED).numericValue().longValue()),
                closed == null ? null : Instant.ofEpochMilli(closed.numericValue().longValue()),
                doc.get(RESOLUTION),
                satisfaction == null ? null : satisfaction.numericValue().intValue(),
                List.of());
    }

    private static void addCode(Document doc, String field, String value) {
        if (notBlank(value)) {
            doc.add(new KeywordField(field, value, Field.Store.YES));
        }
    }

    private static void addText(Document doc, String field, String text, boolean stored) {
        if (notBlank(text)) {
            doc.add(stored ? new Field(field, text, HIGHLIGHTED) : new TextField(field, text, Field.Store.NO));
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
