package hotline.telephony.ivr.internal;

import hotline.billing.BillingAnswer;
import hotline.billing.Statement;
import hotline.common.Code;
import hotline.customer.Tier;
import hotline.telephony.ChannelVariables;
import hotline.telephony.ivr.IvrCustomer;
import hotline.telephony.ivr.IvrServices;
import hotline.telephony.ivr.KnownIncident;
import hotline.telephony.ivr.KnownOutage;
import hotline.telephony.ivr.RepairReport;
import hotline.telephony.callback.Callback;
import hotline.telephony.callback.CallbackDesk;
import hotline.telephony.callback.CallbackRequest;
import hotline.telephony.ivr.internal.IvrFlow.Action;
import hotline.telephony.ivr.internal.IvrFlow.Branch;
import hotline.telephony.ivr.internal.IvrFlow.Edge;
import hotline.telephony.ivr.internal.IvrFlow.Hangup;
import hotline.telephony.ivr.internal.IvrFlow.Input;
import hotline.telephony.ivr.internal.IvrFlow.Menu;
import hotline.telephony.ivr.internal.IvrFlow.Say;
import hotline.ticket.TicketNumber;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static hotline.telephony.ChannelVariables.VAR_CALLBACK;
import static hotline.telephony.ChannelVariables.VAR_CALLBACK_ID;
import static hotline.telephony.ChannelVariables.VAR_CRITICAL;
import static hotline.telephony.ChannelVariables.VAR_CUSTOMER_ID;
import static hotline.telephony.ChannelVariables.VAR_QUEUE_PRIO;
import static hotline.telephony.ChannelVariables.VAR_REASON;
import static hotline.telephony.ChannelVariables.VAR_SATISFACTION;
import static hotline.telephony.ChannelVariables.VAR_TICKET;
import static hotline.telephony.ChannelVariables.VAR_TIER;

/**
 * Runs an {@link IvrFlow} against one call. Plain Java: it talks to the call through {@link IvrChannel} and to Hotline
 * through {@link IvrServices}, whose Futures it waits for on the calling thread (a virtual thread per call), bounded by
 * the service timeout (three times it for {@code create_repair}); callback offers and bookings go to a {@link CallbackDesk}. A node's prompt is played at most {@code tries} times (invalid or no keys count); then the
 * caller goes to the node's {@code onFail}, by default the flow's agent node. Nothing is written until the
 * {@code create_repair} action, which makes the whole ticket in one service call, so a caller who hangs up earlier
 * leaves nothing behind. What the IVR has learnt (customer, path so far, ticket) is left on the channel as it goes —
 * before each prompt, and once more after a hang-up — so the call record is true wherever the caller hangs up; the
 * path and the ending are the flow's own variables ({@link ChannelVariables#ofFlow}). One instance serves every call
 * of its flow (thread-safe, no shared mutable state).
 */
public final class IvrInterpreter {

    private static final Logger log = LoggerFactory.getLogger(IvrInterpreter.class);
    /** A flow that loops without end (a data mistake) sends the caller to an agent after this many steps. */
    private static final int MAX_STEPS = 200;
    /** {@code create_repair} waits this many service timeouts. */
    private static final int CREATE_TIMEOUT_FACTOR = 3;
    /** The variables {@code billing_lookup} sets; a second lookup in the same call starts from none. */
    private static final List<String> BILLING_VARIABLES = List.of("balanceDue", "lastPaymentDate", "lastPaymentAmount",
            "lastReadingDate", "lastReadingValue", "lastReadingEstimated", "nextReadingDate");

    private final IvrFlow flow;
    private final IvrServices services;
    private final CallbackDesk callbacks;
    private final Duration serviceTimeout;

    public IvrInterpreter(IvrFlow flow, IvrServices services, CallbackDesk callbacks, Duration serviceTimeout) {
        this.flow = flow;
        this.services = services;
        this.callbacks = callbacks;
        this.serviceTimeout = serviceTimeout;
    }

    public IvrFlow flow() {
        return flow;
    }

    /** Runs the flow to its end; never throws for a caller's hang-up (the result says so). */
    public IvrResult run(IvrChannel channel) {
        Call call = new Call(channel);
        try {
            return call.run();
        } catch (CallerHungUpException e) {
            log.debug("Call {} hung up in node {}", channel.uniqueid(), call.current);
            call.publishAfterHangUp();
            return new IvrResult(IvrResult.Ending.CALLER_HUNG_UP, List.copyOf(call.path), call.ticketNumber,
                    Map.copyOf(call.vars));
        }
    }

    /** The state of one call through the flow. */
    private final class Call {
        private final IvrChannel channel;
        private final Map<String, String> vars = new LinkedHashMap<>();
        private final Map<String, Integer> tries = new HashMap<>();
        private final List<String> path = new ArrayList<>();
        /** The channel variables set so far, so each is set again only when it changed. */
        private final Map<String, String> published = new HashMap<>();
        private String current;
        private String ticketNumber;

        Call(IvrChannel channel) {
            this.channel = channel;
            if (channel.callerId() != null) {
                vars.put("callerId", channel.callerId());
            }
        }

        IvrResult run() {
            current = flow.start();
            for (int step = 0; step < MAX_STEPS; step++) {
                path.add(current);
                IvrFlow.Node node = flow.nodes().get(current);
                Optional<IvrResult.Ending> ending = switch (node) {
                    case Menu menu -> menu(menu);
                    case Input input -> input(input);
                    case Action action -> action(action);
                    case Say say -> say(say);
                    case Branch branch -> {
                        follow(vars.containsKey(branch.variable()) ? branch.present() : branch.absent());
                        yield Optional.empty();
                    }
                    case Hangup hangup -> hangup(hangup);
                };
                if (ending.isPresent()) {
                    return new IvrResult(ending.get(), List.copyOf(path), ticketNumber, Map.copyOf(vars));
                }
            }
            log.warn("IVR flow {} ran {} steps without ending (call {}); handing the caller to an agent",
                    flow.name(), MAX_STEPS, channel.uniqueid());
            return new IvrResult(toQueue(Map.of("reason", "flow_loop")), List.copyOf(path), ticketNumber, Map.copyOf(vars));
        }

        private Optional<IvrResult.Ending> menu(Menu menu) {
            if (!anotherTry(menu.tries(), menu.onFail())) {
                return Optional.empty();
            }
            String key = getData(menu.prompt(), menu.timeoutMs(), 1);
            Edge edge = menu.options().get(key);
            if (edge == null) {
                invalid(menu.invalidPrompt(), key);
            } else {
                follow(edge);
            }
            return Optional.empty();
        }

        private Optional<IvrResult.Ending> input(Input input) {
            if (!anotherTry(input.tries(), input.onFail())) {
                return Optional.empty();
            }
            String digits = getData(input.prompt(), input.timeoutMs(), input.maxDigits());
            if (digits.length() >= input.minDigits() && digits.length() <= input.maxDigits() && digits.chars().allMatch(Character::isDigit)) {
                vars.put(input.into(), digits);
                follow(input.next());
            } else {
                invalid(input.invalidPrompt(), digits);
            }
            return Optional.empty();
        }

        /** Counts a try of the current node; false (and on to the fail node) when its tries are used up. */
        private boolean anotherTry(int allowed, String onFail) {
            int count = tries.merge(current, 1, Integer::sum);
            if (count <= allowed) {
                return true;
            }
            follow(new Edge(onFail == null ? flow.agentNode() : onFail, false, Map.of()));
            return false;
        }

        private void invalid(String invalidPrompt, String keys) {
            // No keys at all: the prompt simply plays again; wrong keys are told so first.
            if (invalidPrompt != null && !keys.isEmpty()) {
                play(invalidPrompt);
            }
        }

        private Optional<IvrResult.Ending> say(Say say) {
            for (IvrFlow.Part part : say.parts()) {
                switch (part) {
                    case IvrFlow.Play play -> play(play.prompt());
                    case IvrFlow.DigitsOf digits -> ifSet(digits.variable(), channel::sayDigits);
                    case IvrFlow.NumberOf number -> ifSet(number.variable(), value -> sayNumber(value, number));
                    case IvrFlow.DateOf date -> ifSet(date.variable(), value -> channel.sayDateTime(
                            LocalDate.parse(value).atTime(12, 0).toEpochSecond(ZoneOffset.UTC), format(date)));
                }
            }
            follow(say.next());
            return Optional.empty();
        }

        private void ifSet(String variable, java.util.function.Consumer<String> sayIt) {
            if (vars.containsKey(variable)) {
                publish();
                sayIt.accept(vars.get(variable));
            }
        }

        /** 123.45 as "123", the point prompt, "45", the unit; the decimals only when there are some and a point. */
        private void sayNumber(String value, IvrFlow.NumberOf number) {
            BigDecimal decimal = new BigDecimal(value).stripTrailingZeros();
            BigDecimal whole = decimal.setScale(0, RoundingMode.DOWN);
            channel.sayNumber(whole.longValueExact());
            if (number.point() != null && decimal.scale() > 0) {
                play(number.point());
                channel.sayDigits(decimal.subtract(whole).abs().toPlainString().substring(2));
            }
            if (number.unit() != null) {
                play(number.unit());
            }
        }

        /** The format of the channel's language ({@code en_US} takes {@code en}'s); Chinese when there is none. */
        private String format(IvrFlow.DateOf date) {
            String language = channel.language().toLowerCase(java.util.Locale.ROOT);
            return date.formats().entrySet().stream().filter(entry -> language.startsWith(entry.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(date.formats().get("zh"));
        }

        private Optional<IvrResult.Ending> hangup(Hangup hangup) {
            hangup.prompts().forEach(this::play);
            publish();
            channel.setVariable(ChannelVariables.ofFlow(flow.name(), "ENDING"), "completed");
            channel.hangup();
            return Optional.of(IvrResult.Ending.COMPLETED);
        }

        private Optional<IvrResult.Ending> action(Action action) {
            String outcome = switch (action.action()) {
                case LOOKUP_CALLER -> lookupCaller(action.params());
                case CREATE_REPAIR -> createRepair(action.params());
                case TICKET_STATUS -> ticketStatus(action.params());
                case ANNOUNCE_INCIDENTS -> announceIncidents();
                case ANNOUNCE_OUTAGE -> announceOutage();
                case RECORD_SATISFACTION -> recordSatisfaction(action.params());
                case CHECK_WAIT -> callbacks.offerCallback(Code.parse(Tier.class, vars.get("tier")).orElse(null)) ? "long" : "short";
                case REQUEST_CALLBACK -> requestCallback(action.params());
                case BILLING_LOOKUP -> billingLookup();
                case TO_QUEUE -> null;
            };
            if (outcome == null) {
                return Optional.of(toQueue(action.params()));
            }
            Edge edge = action.outcomes().getOrDefault(outcome, action.outcomes().get("*"));
            follow(edge == null ? new Edge(flow.agentNode(), false, Map.of()) : edge);
            return Optional.empty();
        }

        private String lookupCaller(Map<String, String> params) {
            Optional<IvrCustomer> customer;
            if (params.get("by").equals("caller_id")) {
                String callerId = vars.get("callerId");
                customer = callerId == null ? Optional.empty() : await(services.customerByPhone(callerId), "customer by phone");
            } else {
                String account = vars.get(params.getOrDefault("from", "account"));
                customer = account == null ? Optional.empty() : await(services.customerByAccount(account), "customer by account");
            }
            if (customer == null || customer.isEmpty()) {
                return "not_found";
            }
            IvrCustomer found = customer.get();
            vars.put("customerId", Long.toString(found.id()));
            vars.put("accountNumber", found.accountNumber());
            vars.put("tier", found.tier().code());
            vars.put("critical", Boolean.toString(found.criticalFacility()));
            putIfNotBlank("address", found.address());
            putIfNotBlank("district", found.district());
            return "found";
        }

        private String createRepair(Map<String, String> params) {
            JsonObject answers = new JsonObject();
            vars.forEach((name, value) -> {
                if (name.startsWith("answer.")) {
                    answers.put(name.substring("answer.".length()), value);
                }
            });
            boolean withIncident = Boolean.parseBoolean(params.getOrDefault("incident", "false"));
            Long incidentId = withIncident && vars.containsKey("incidentId") ? Long.valueOf(vars.get("incidentId")) : null;
            RepairReport report = new RepairReport(channel.uniqueid(), vars.get("callerId"),
                    vars.containsKey("customerId") ? Long.valueOf(vars.get("customerId")) : null,
                    incidentId != null ? vars.get("incidentCategory") : vars.getOrDefault("category", "service_pipe_leak"),
                    Boolean.parseBoolean(vars.get("urgent")), answers,
                    vars.getOrDefault("location", vars.getOrDefault("address", "")),
                    vars.getOrDefault("district", ""), incidentId, vars.get("callbackNumber"));
            // A ticket may take longer than a lookup (one transaction with its SLA and incident listeners); giving up
            // early would send the caller to an agent while the ticket is still being made.
            String number = await(services.createRepair(report), "create repair", serviceTimeout.multipliedBy(CREATE_TIMEOUT_FACTOR));
            if (number == null) {
                return "failed";
            }
            ticketNumber = number;
            vars.put("ticketNumber", number);
            vars.put("ticketDigits", TicketNumber.parse(number).map(TicketNumber::digits).orElse(""));
            return "created";
        }

        private String ticketStatus(Map<String, String> params) {
            Optional<TicketNumber> number =
                    TicketNumber.fromDigits(vars.getOrDefault(params.getOrDefault("from", "ticketDigits"), ""));
            if (number.isEmpty()) {
                return "not_found";
            }
            Optional<String> status = await(services.ticketStatus(number.get().toString()), "ticket status");
            if (status == null || status.isEmpty()) {
                return "not_found";
            }
            vars.put("ticketStatus", status.get());
            return status.get();
        }

        /**
         * Puts what the caller may hear of their account into variables (each only when there is something to say):
         * {@code balanceDue} (yuan owed), {@code lastPaymentDate}, {@code lastPaymentAmount}, {@code lastReadingDate},
         * {@code lastReadingValue}, {@code lastReadingEstimated}, {@code nextReadingDate}. A billing system that is
         * down, or slower than the service timeout, is {@code unavailable}: stale figures are never read out.
         */
        private String billingLookup() {
            BILLING_VARIABLES.forEach(vars::remove);
            String account = vars.get("accountNumber");
            if (account == null) {
                return "unknown";
            }
            BillingAnswer answer = await(services.billing(account), "billing");
            if (!(answer instanceof BillingAnswer.Known known)) {
                return answer instanceof BillingAnswer.Unknown ? "unknown" : "unavailable";
            }
            Statement statement = known.statement();
            if (statement.balance().signum() > 0) {
                vars.put("balanceDue", statement.balance().toPlainString());
            }
            statement.lastPayment().ifPresent(payment -> {
                vars.put("lastPaymentDate", payment.paidOn().toString());
                vars.put("lastPaymentAmount", payment.amount().toPlainString());
            });
            statement.lastReading().ifPresent(reading -> {
                vars.put("lastReadingDate", reading.readOn().toString());
                vars.put("lastReadingValue", reading.value().toPlainString());
                if (reading.estimated()) {
                    vars.put("lastReadingEstimated", "true");
                }
            });
            if (statement.nextReadingOn() != null) {
                vars.put("nextReadingDate", statement.nextReadingOn().toString());
            }
            return "found";
        }

        private String announceIncidents() {
            String district = vars.get("district");
            if (district == null) {
                return "none";
            }
            Optional<KnownIncident> incident = await(services.openIncident(district), "open incident");
            if (incident == null || incident.isEmpty()) {
                return "none";
            }
            vars.put("incidentId", Long.toString(incident.get().id()));
            vars.put("incidentCategory", incident.get().category());
            return "announced";
        }

        /**
         * The identified caller's planned shut-off, if any: its window as {@code outageStartDate} (yyyy-MM-dd),
         * {@code outageStartHour}, {@code outageStartMinute} (only when not on the hour) and the same of its end, in
         * the utility's local time, for the flow's words to read out.
         */
        private String announceOutage() {
            String customerId = vars.get("customerId");
            if (customerId == null) {
                return "none";
            }
            Optional<KnownOutage> outage = await(services.outageFor(Long.parseLong(customerId)), "planned outage");
            if (outage == null || outage.isEmpty()) {
                return "none";
            }
            putTime("outageStart", outage.get().startsAt());
            putTime("outageEnd", outage.get().endsAt());
            vars.put("outageId", Long.toString(outage.get().id()));
            return outage.get().running() ? "running" : "planned";
        }

        private void putTime(String prefix, LocalDateTime time) {
            vars.put(prefix + "Date", time.toLocalDate().toString());
            vars.put(prefix + "Hour", Integer.toString(time.getHour()));
            if (time.getMinute() != 0) {
                vars.put(prefix + "Minute", Integer.toString(time.getMinute()));
            } else {
                vars.remove(prefix + "Minute");
            }
        }

        private String recordSatisfaction(Map<String, String> params) {
            String score = vars.getOrDefault(params.getOrDefault("from", "score"), "");
            if (!score.matches("[1-5]")) {
                return "failed";
            }
            Boolean saved = await(services.recordSatisfaction(channel.uniqueid(), Integer.parseInt(score)).map(true),
                    "satisfaction");
            if (saved == null) {
                return "failed";
            }
            channel.setVariable(VAR_SATISFACTION, score);
            return "saved";
        }

        /** Books a callback to the number in variable {@code from} (default {@code callerId}); nothing else is written. */
        private String requestCallback(Map<String, String> params) {
            String number = vars.getOrDefault(params.getOrDefault("from", "callerId"), "");
            if (!number.matches("[0-9]{3,20}")) {
                return "failed";
            }
            Long customerId = vars.containsKey("customerId") ? Long.valueOf(vars.get("customerId")) : null;
            Callback booked = await(callbacks.request(new CallbackRequest(channel.uniqueid(), customerId, number,
                    ticketNumber, queuePriority())), "request callback");
            if (booked == null) {
                return "failed";
            }
            channel.setVariable(VAR_CALLBACK_ID, Long.toString(booked.id()));
            return "saved";
        }

        private IvrResult.Ending toQueue(Map<String, String> params) {
            vars.put("reason", params.getOrDefault("reason", vars.getOrDefault("reason", "agent")));
            publish();
            channel.setVariable(VAR_QUEUE_PRIO, Integer.toString(queuePriority()));
            channel.setVariable(ChannelVariables.ofFlow(flow.name(), "ENDING"), "to_queue");
            return IvrResult.Ending.TO_QUEUE;
        }

        private int queuePriority() {
            Tier tier = Code.parse(Tier.class, vars.get("tier")).orElse(null);
            return QueuePriority.of(tier, Boolean.parseBoolean(vars.get("critical")), Boolean.parseBoolean(vars.get("urgent")));
        }

        /**
         * Leaves what the IVR has learnt so far in the channel variables that carry it to the dialplan, the call record
         * (AMI VarSet) and the screen pop; only what changed since the last time is set.
         */
        private void publish() {
            publish(VAR_CUSTOMER_ID, vars.get("customerId"));
            publish(VAR_TIER, vars.get("tier"));
            publish(VAR_CRITICAL, vars.get("critical"));
            publish(VAR_REASON, vars.getOrDefault("reason", vars.get("category")));
            publish(VAR_TICKET, ticketNumber);
            publish(VAR_CALLBACK, vars.get("callbackNumber"));
            publish(ChannelVariables.ofFlow(flow.name(), "PATH"), String.join(">", path));
        }

        private void publish(String name, String value) {
            if (value != null && !value.isEmpty() && !value.equals(published.get(name))) {
                channel.setVariable(name, value);
                published.put(name, value);
            }
        }

        /** Asterisk still takes SET VARIABLE on a hung-up channel, and reports it before the channel's Hangup. */
        void publishAfterHangUp() {
            try {
                publish();
            } catch (CallerHungUpException gone) {
                log.debug("Call {}: the findings could not be left after the hang-up", channel.uniqueid());
            }
        }

        private String getData(String prompt, int timeoutMs, int maxDigits) {
            publish();
            return channel.getData(sound(prompt), timeoutMs, maxDigits);
        }

        private void play(String prompt) {
            publish();
            channel.play(sound(prompt));
        }

        private void follow(Edge edge) {
            vars.putAll(edge.set());
            if (!edge.retry()) {
                tries.remove(edge.target());
            }
            current = edge.target();
        }

        private void putIfNotBlank(String name, String value) {
            if (value != null && !value.isBlank()) {
                vars.put(name, value);
            }
        }

        private String sound(String prompt) {
            return flow.prompts().get(prompt).sound();
        }

        /** The value of a service Future, or null when it failed or took longer than the service timeout. */
        private <T> T await(Future<T> future, String what) {
            return await(future, what, serviceTimeout);
        }

        private <T> T await(Future<T> future, String what, Duration timeout) {
            try {
                return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CallerHungUpException();
            } catch (ExecutionException | TimeoutException e) {
                log.warn("IVR {} failed for call {}: {}", what, channel.uniqueid(),
                        e.getCause() == null ? e.toString() : e.getCause().getMessage());
                return null;
            }
        }
    }
}
