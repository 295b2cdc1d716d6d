package hotline.console.internal;

import freemarker.cache.ClassTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The console's FreeMarker templates ({@code console/templates/*.ftlh} on the class path, auto-escaped as HTML).
 * Every template has {@code label.of(group, code)} for the label of a stored code ({@code lib/labels.ftlh}).
 * Templates are parsed once and cached; rendering is CPU work only, so it may run on an event loop. Thread-safe.
 */
public final class Templates {

    private final Configuration freemarker;

    public Templates() {
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setTemplateLoader(new ClassTemplateLoader(Templates.class.getClassLoader(), "console/templates"));
        freemarker.setRecognizeStandardFileExtensions(true);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setOutputEncoding("UTF-8");
        freemarker.setURLEscapingCharset("UTF-8");
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setAPIBuiltinEnabled(false);
        freemarker.setNumberFormat("computer");
        freemarker.addAutoImport("label", "lib/labels.ftlh");
    }

    /** Renders {@code name} (e.g. {@code desk.ftlh}) with {@code model}; a template error is an unchecked failure. */
    public String render(String name, Map<String, Object> model) {
        try {
            StringWriter out = new StringWriter(8192);
            freemarker.getTemplate(name).process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("console template " + name + " cannot be read", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("console template " + name + " failed: " + e.getMessageWithoutStackTop(), e);
        }
    }
}
