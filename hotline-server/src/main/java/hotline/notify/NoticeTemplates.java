package hotline.notify;

import hotline.config.ConfigException;
import freemarker.core.PlainTextOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The messages of every {@link NoticeKind} in Chinese and English: FreeMarker templates in
 * {@code notices_zh.properties} and {@code notices_en.properties} (UTF-8), three per kind: {@code <kind>.subject} and
 * {@code <kind>.email} (the e-mail) and {@code <kind>.sms}. Read from the directory named by setting
 * {@code notify.templates}, else {@code conf/}, else the copies shipped in the jar.
 *
 * <p>{@link #load} refuses, naming file and key, a missing template, one that does not parse, and one that uses a
 * variable its kind does not declare ({@link NoticeKind#variables()}): each is rendered at start-up with exactly the
 * declared variables and FreeMarker's strict handling of undefined names, so the mistake stops the server instead of
 * a message. Immutable and thread-safe once loaded.
 */
public final class NoticeTemplates {

    /** The parts of each kind's messages, the keys' suffixes. */
    enum Part { SUBJECT, EMAIL, SMS }

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Map<Language, Map<NoticeKind, Map<Part, Template>>> templates;
    private final ZoneId zone;

    private NoticeTemplates(Map<Language, Map<NoticeKind, Map<Part, Template>>> templates, ZoneId zone) {
        this.templates = templates;
        this.zone = zone;
    }

    /** The templates from {@code directory} (when set), else {@code conf/}, else the jar; checked as described above. */
    public static NoticeTemplates load(Optional<String> directory, ZoneId zone) {
        Configuration freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setOutputFormat(PlainTextOutputFormat.INSTANCE);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setNumberFormat("computer");
        Map<Language, Map<NoticeKind, Map<Part, Template>>> all = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String file = "notices_" + language.code() + ".properties";
            Properties source = read(directory, file);
            Map<NoticeKind, Map<Part, Template>> kinds = new EnumMap<>(NoticeKind.class);
            for (NoticeKind kind : NoticeKind.values()) {
                Map<Part, Template> parts = new EnumMap<>(Part.class);
                for (Part part : Part.values()) {
                    String key = kind.code() + "." + part.name().toLowerCase();
                    parts.put(part, checked(freemarker, file, key, source.getProperty(key), kind, zone));
                }
                kinds.put(kind, parts);
            }
            all.put(language, kinds);
        }
        return new NoticeTemplates(all, zone);
    }

    /**
     * The message of {@code kind} for {@code channel} in {@code language} with {@code variables}; a
     * {@link SendFailure} (permanent) when the notice lacks a declared variable, so that one delivery fails.
     */
    public RenderedMessage render(NoticeKind kind, Language language, NoticeChannel channel, JsonObject variables) {
        Map<String, Object> model = model(kind, variables, zone);
        Map<Part, Template> parts = templates.get(language).get(kind);
        return channel == NoticeChannel.SMS ? new RenderedMessage("", run(parts.get(Part.SMS), model))
                : new RenderedMessage(run(parts.get(Part.SUBJECT), model).strip(), run(parts.get(Part.EMAIL), model));
    }

    private static Map<String, Object> model(NoticeKind kind, JsonObject variables, ZoneId zone) {
        Map<String, Object> model = new HashMap<>();
        for (String name : kind.variables()) {
            Object value = variables.getValue(name);
            if (value == null) {
                throw new SendFailure(true, "the notice has no variable '" + name + "' that " + kind.code() + " needs");
            }
            model.put(name, NoticeKind.isTime(name) ? local(value, name, zone) : value.toString());
        }
        return model;
    }

    private static String local(Object value, String name, ZoneId zone) {
        try {
            return LOCAL.format(Instant.parse(value.toString()).atZone(zone));
        } catch (DateTimeParseException e) {
            throw new SendFailure(true, "variable '" + name + "' is not an ISO-8601 instant");
        }
    }

    private static String run(Template template, Map<String, Object> model) {
        try {
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (TemplateException e) {
            String blamed = e.getBlamedExpressionString();
            throw new SendFailure(true, "template " + template.getName() + " failed: "
                    + (blamed != null ? "'" + blamed + "' is missing" : firstLine(e.getMessage())));
        } catch (IOException e) {
            throw new SendFailure(true, "template " + template.getName() + " failed: " + e.getMessage());
        }
    }

    private static Template checked(Configuration freemarker, String file, String key, String text, NoticeKind kind,
                                     ZoneId zone) {
        String where = file + ": " + key;
        if (text == null || text.isBlank()) {
            throw new ConfigException(where + ": missing (every kind needs .subject, .email and .sms)");
        }
        Template template;
        try {
            template = new Template(where, new StringReader(text), freemarker);
        } catch (IOException e) {
            throw new ConfigException(where + ": not a valid template: " + e.getMessage());
        }
        JsonObject samples = new JsonObject();
        kind.variables().forEach(name -> samples.put(name, NoticeKind.isTime(name) ? "2026-01-01T00:00:00Z" : name));
        try {
            run(template, model(kind, samples, zone));
        } catch (SendFailure e) {
            throw new ConfigException(where + ": uses a variable " + kind.code() + " does not provide (it provides "
                    + String.join(", ", kind.variables()) + "): " + e.getMessage());
        }
        return template;
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static Properties read(Optional<String> directory, String file) {
        Properties properties = new Properties();
        try (Reader reader = open(directory, file)) {
            properties.load(reader);
            return properties;
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage());
        }
    }

    private static Reader open(Optional<String> directory, String file) throws IOException {
        if (directory.isPresent()) {
            return Files.newBufferedReader(Path.of(directory.get(), file), StandardCharsets.UTF_8);
        }
        Path local = Path.of("conf", file);
        if (Files.exists(local)) {
            return Files.newBufferedReader(local, StandardCharsets.UTF_8);
        }
        InputStream shipped = NoticeTemplates.class.getClassLoader().getResourceAsStream("defaults/" + file);
        if (shipped == null) {
            throw new ConfigException("no " + file + " in conf/ and none shipped in the jar");
        }
        return new InputStreamReader(shipped, StandardCharsets.UTF_8);
    }
}
