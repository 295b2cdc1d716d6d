package hotline.search.internal;

import hotline.search.SearchDocument;
import hotline.store.SqlTime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A row of {@link SearchSql}'s document queries as a {@link SearchDocument}. Stateless. */
public final class TicketDocuments {

    private TicketDocuments() {
    }

    public static SearchDocument fromRow(Row row) {
        JsonArray events = row.getJsonArray("events");
        List<JsonObject> eventData = new ArrayList<>();
        if (events != null) {
            for (Object data : events) {
                if (data instanceof JsonObject json) {
                    eventData.add(json);
                }
            }
        }
        CaseTexts.Found found = CaseTexts.of(row.getJsonObject("details"), eventData);
        List<String> phones = new ArrayList<>();
        String[] customerPhones = row.getArrayOfStrings("phones");
        if (customerPhones != null) {
            phones.addAll(Arrays.asList(customerPhones));
        }
        String caller = row.getString("caller_number");
        if (caller != null && !caller.isBlank()) {
            phones.add(caller);
        }
        return new SearchDocument(
                row.getLong("id"),
                row.getString("number"),
                row.getString("type"),
                row.getString("status"),
                row.getString("channel"),
                row.getString("district"),
                row.getString("tier"),
                SqlTime.instant(row, "created_at"),
                SqlTime.instant(row, "updated_at"),
                SqlTime.instant(row, "closed_at"),
                row.getString("subject"),
                row.getString("description"),
                row.getString("location"),
                found.texts(),
                row.getString("customer_name"),
                row.getString("account_number"),
                phones,
                row.getString("address"),
                found.resolution(),
                found.satisfaction());
    }
}
