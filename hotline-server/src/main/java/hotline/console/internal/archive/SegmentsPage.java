package hotline.console.internal.archive;

import hotline.auth.Role;
import hotline.common.Code;
import hotline.common.ConflictException;
import hotline.common.InvalidInputException;
import hotline.console.internal.Lang;
import hotline.console.internal.PageKit;
import hotline.console.internal.Viewer;
import hotline.console.internal.reports.CsvExport;
import hotline.customer.Tier;
import hotline.relationship.ArchiveFilter;
import hotline.relationship.AtRiskCustomer;
import hotline.relationship.CustomerArchive;
import hotline.relationship.Paged;
import hotline.relationship.RelationshipHealth;
import hotline.relationship.RiskReason;
import hotline.relationship.SavedSegment;
import hotline.relationship.SegmentCount;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /supervisor/segments}: the customers of a filter (typed, or a saved segment) counted by district, tier, water
 * use, kind and critical reason; the saved segments (save the current filter under a name, delete one); the customers
 * at risk in the tier rule's order for planning recovery calls. Counts, the filter's customers and the at-risk list
 * download as CSV (the reports' writer: UTF-8 with BOM, formulas neutralised). Supervisors only; a refused filter or
 * name is shown next to its field.
 */
public final class SegmentsPage implements Handler<Router> {

    static final int RISK_PAGE_SIZE = 20;
    /** The dimensions in the order the page shows them. */
    private static final List<String> DIMS = List.of("district", "tier", "waterUse", "kind", "critical");

    private final PageKit kit;
    private final CustomerArchive archive;
    private final RelationshipHealth health;
    private final ZoneId zone;

    public SegmentsPage(PageKit kit, CustomerArchive archive, RelationshipHealth health, ZoneId zone) {
        this.kit = kit;
        this.archive = archive;
        this.health = health;
        this.zone = zone;
    }

    @Override
    public void handle(Router router) {
        Handler<RoutingContext> supervisor = kit.only(Role.SUPERVISOR);
        kit.page(router.get("/supervisor/segments"), supervisor, this::page);
        kit.page(router.post("/supervisor/segments"), kit.forms(), supervisor, this::save);
        kit.page(router.postWithRegex("/supervisor/segments/(?<id>[0-9]{1,18})/delete"), kit.forms(), supervisor,
                this::delete);
        kit.page(router.get("/supervisor/segments/counts.csv"), supervisor, this::countsCsv);
        kit.page(router.get("/supervisor/segments/customers.csv"), supervisor, this::customersCsv);
        kit.page(router.get("/supervisor/segments/at-risk.csv"), supervisor, this::atRiskCsv);
    }

    private void page(RoutingContext ctx) {
        Map<String, Object> model = kit.model(ctx);
        try {
            chosen(ctx).onFailure(ctx::fail).onSuccess(filter -> show(ctx, model, filter,
                    ArchiveForms.typed(name -> filter.values().get(name)), ctx.request().getParam("segment")));
        } catch (InvalidInputException invalid) {
            refused(ctx, model, invalid.field(), invalid.getMessage(), 400, ArchiveForms.typed(ctx));
        }
    }

    private void save(RoutingContext ctx) {
        // The filter has a "name" of its own (part of the customer's name): the segment's is "segmentName".
        String typedName = ctx.request().getFormAttribute("segmentName");
        String name = typedName == null ? "" : typedName.strip();
        Map<String, String> typed = ArchiveForms.typed(ctx.request()::getFormAttribute);
        Map<String, Object> model = kit.model(ctx);
        model.put("segmentName", name);
        try {
            if (name.isEmpty() || name.length() > 100) {
                throw new InvalidInputException("segmentName", "a name of 1 to 100 characters is required");
            }
            ArchiveFilter filter = ArchiveFilter.parse(ctx.request()::getFormAttribute);
            archive.save(name, filter, Viewer.of(ctx).principal().username())
                    .onSuccess(saved -> ctx.response().setStatusCode(303)
                            .putHeader("Location", "/supervisor/segments?segment=" + saved.id()).end())
                    .onFailure(failure -> {
                        if (failure instanceof ConflictException) {
                            refused(ctx, model, "segmentName", failure.getMessage(), 409, typed);
                        } else {
                            ctx.fail(failure);
                        }
                    });
        } catch (InvalidInputException invalid) {
            refused(ctx, model, invalid.field(), invalid.getMessage(), 400, typed);
        }
    }

    private void delete(RoutingContext ctx) {
        archive.delete(Long.parseLong(ctx.pathParam("id"))).onFailure(ctx::fail)
                .onSuccess(done -> ctx.response().setStatusCode(303).putHeader("Location", "/supervisor/segments").end());
    }

    /** The page with a refused field: its message beside it, what was typed kept, the rest for every customer. */
    private void refused(RoutingContext ctx, Map<String, Object> model, String field, String message, int status,
                         Map<String, String> typed) {
        model.put("error", Map.of("field", field, "message", message));
        ctx.response().setStatusCode(status);
        show(ctx, model, ArchiveFilter.NONE, typed, null);
    }

    /**
     * Fills and renders the page: the counts of {@code filter}, the form showing {@code form}, the saved segments and
     * the at-risk list.
     */
    private void show(RoutingContext ctx, Map<String, Object> model, ArchiveFilter filter, Map<String, String> form,
                      String segment) {
        ArchiveForms.choices(model);
        Lang lang = Viewer.of(ctx).lang();
        String riskDistrict = blankToNull(ctx.request().getParam("riskDistrict"));
        Tier riskTier = Code.parse(Tier.class, ctx.request().getParam("riskTier")).orElse(null);
        int riskPage = pageOrFirst(ctx.request().getParam("riskPage"));
        Future<List<SegmentCount>> counts = archive.segmentCounts(filter);
        Future<List<SavedSegment>> saved = archive.segments();
        Future<Paged<AtRiskCustomer>> atRisk = health.atRisk(riskDistrict, riskTier, riskPage, RISK_PAGE_SIZE);
        Future.all(counts, saved, atRisk).onFailure(ctx::fail).onSuccess(all -> {
            model.put("form", form);
            model.put("segment", segment == null ? "" : segment);
            model.put("query", ArchiveForms.query(filter));
            model.put("total", counts.result().stream().filter(c -> c.dim().isEmpty()).mapToLong(SegmentCount::customers)
                    .sum());
            model.put("dims", dims(counts.result(), lang));
            model.put("saved", saved.result().stream().map(s -> Map.of("id", s.id(), "name", s.name(),
                    "query", ArchiveForms.query(s.filter()), "createdBy", s.createdBy())).toList());
            model.put("risk", Map.of("district", riskDistrict == null ? "" : riskDistrict,
                    "tier", riskTier == null ? "" : riskTier.code(), "page", riskPage,
                    "pages", ArchiveForms.pages(atRisk.result().total(), RISK_PAGE_SIZE),
                    "total", atRisk.result().total(),
                    "query", ArchiveForms.query(riskQuery(riskDistrict, riskTier))));
            model.put("riskRows", atRisk.result().items().stream().map(this::riskRow).toList());
            kit.render(ctx, "supervisor/segments.ftlh", model);
        });
    }

    private void countsCsv(RoutingContext ctx) {
        Lang lang = Viewer.of(ctx).lang();
        chosen(ctx).compose(archive::segmentCounts).onFailure(ctx::fail).onSuccess(counts -> {
            List<List<String>> rows = new ArrayList<>();
            for (SegmentCount count : counts) {
                rows.add(List.of(count.dim().isEmpty() ? lang.message("archive.segments.all")
                                : lang.message("archive.field." + count.dim()),
                        count.dim().isEmpty() ? "" : keyLabel(count.dim(), count.key(), lang),
                        Long.toString(count.customers())));
            }
            csv(ctx, "hotline-segments.csv", List.of(lang.message("archive.segments.dimension"),
                    lang.message("archive.segments.segment"), lang.message("archive.segments.customers")), rows);
        });
    }

    private void customersCsv(RoutingContext ctx) {
        Lang lang = Viewer.of(ctx).lang();
        chosen(ctx).compose(archive::export).onFailure(ctx::fail).onSuccess(customers -> csv(ctx,
                "hotline-customers.csv", ArchiveForms.csvHeader(lang),
                customers.stream().map(customer -> ArchiveForms.csvRow(customer, lang, zone)).toList()));
    }

    private void atRiskCsv(RoutingContext ctx) {
        Lang lang = Viewer.of(ctx).lang();
        Tier tier = Code.parse(Tier.class, ctx.request().getParam("riskTier")).orElse(null);
        health.atRisk(blankToNull(ctx.request().getParam("riskDistrict")), tier, 1, CustomerArchive.EXPORT_LIMIT)
                .onFailure(ctx::fail).onSuccess(found -> csv(ctx, "hotline-at-risk.csv", List.of(
                        lang.message("card.account"), lang.message("archive.column.name"),
                        lang.message("card.district"), lang.message("archive.field.tier"),
                        lang.message("archive.health.score"), lang.message("archive.risk.reasons"),
                        lang.message("archive.risk.openComplaints")),
                        found.items().stream().map(c -> List.of(c.accountNumber(), c.name(), c.district(),
                                ArchiveForms.label(lang, "tier", c.tier()), Integer.toString(c.score()),
                                String.join(" / ", c.risks().stream().map(r -> riskLabel(r, lang)).toList()),
                                Long.toString(c.openComplaints()))).toList()));
    }

    /** The filter of the address: a saved segment's ({@code segment}) or the typed parameters. */
    private Future<ArchiveFilter> chosen(RoutingContext ctx) {
        String segment = ctx.request().getParam("segment");
        if (segment != null && !segment.isBlank()) {
            long id;
            try {
                id = Long.parseLong(segment.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("segment", "must be the number of a saved segment");
            }
            return archive.segment(id).map(SavedSegment::filter);
        }
        return Future.succeededFuture(ArchiveFilter.parse(ctx.request()::getParam));
    }

    private static void csv(RoutingContext ctx, String file, List<String> header, List<List<String>> rows) {
        ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .putHeader("Cache-Control", "no-store")
                .end(Buffer.buffer(CsvExport.write(header, rows)));
    }

    private static List<Map<String, Object>> dims(List<SegmentCount> counts, Lang lang) {
        Map<String, List<Map<String, Object>>> byDim = new LinkedHashMap<>();
        DIMS.forEach(dim -> byDim.put(dim, new ArrayList<>()));
        for (SegmentCount count : counts) {
            if (!count.dim().isEmpty()) {
                byDim.get(count.dim()).add(Map.of("key", count.key(), "label", keyLabel(count.dim(), count.key(), lang),
                        "customers", count.customers(), "param", count.key().isEmpty() ? ""
                                : ArchiveForms.query(Map.of(count.dim(), count.key()))));
            }
        }
        return byDim.entrySet().stream().map(e -> Map.<String, Object>of("dim", e.getKey(), "rows", e.getValue()))
                .toList();
    }

    private static String keyLabel(String dim, String key, Lang lang) {
        if (key.isEmpty()) {
            return lang.message("archive.segments.none");
        }
        return dim.equals("district") ? key : ArchiveForms.label(lang, dim, key);
    }

    private Map<String, Object> riskRow(AtRiskCustomer customer) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", customer.id());
        row.put("name", customer.name());
        row.put("accountNumber", customer.accountNumber());
        row.put("district", customer.district());
        row.put("tier", customer.tier());
        row.put("critical", customer.criticalReason() == null ? "" : customer.criticalReason());
        row.put("score", customer.score());
        row.put("risks", customer.risks().stream().map(RiskReason::code).toList());
        row.put("openComplaints", customer.openComplaints());
        row.put("complaints", customer.complaints());
        return row;
    }

    private static String riskLabel(RiskReason reason, Lang lang) {
        return lang.message("archive.risk." + reason.code());
    }

    private static Map<String, String> riskQuery(String district, Tier tier) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("riskDistrict", district);
        query.put("riskTier", tier == null ? null : tier.code());
        return query;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static int pageOrFirst(String raw) {
        try {
            return ArchiveForms.page("riskPage", raw);
        } catch (InvalidInputException e) {
            return 1;
        }
    }
}
