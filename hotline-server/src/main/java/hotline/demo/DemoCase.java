package hotline.demo;

import hotline.ticket.TicketType;

import java.util.HashMap;
import java.util.Map;

/**
 * One demo ticket's story, worded once when the ticket is made: what the caller said and every later text of its
 * workflow (cause, work done, resolution, key points, answer, ...), all from one {@link CaseBook.Scenario} in one
 * language, so the end of the case fits its beginning. Immutable.
 */
record DemoCase(CaseBook.Scenario scenario, boolean english, Map<String, String> texts) {

    /** Words every text {@link CaseBook#TEXTS its type needs}, drawing from {@code random}. */
    static DemoCase write(CaseBook.Scenario scenario, boolean english, DemoText random) {
        Phrases phrases = scenario.phrases(english);
        Map<String, String> filled = new HashMap<>();
        for (String slot : CaseBook.TEXTS.get(scenario.type())) {
            phrases.fill(slot, random, filled);
        }
        return new DemoCase(scenario, english, Map.copyOf(filled));
    }

    TicketType type() {
        return scenario.type();
    }

    /** The ticket's category: the kind of the case. */
    String category() {
        return scenario.category();
    }

    /** A text of the story, by the name in {@link CaseBook#TEXTS}. */
    String text(String name) {
        String text = texts.get(name);
        if (text == null) {
            throw new IllegalArgumentException("a " + type().code() + " story has no text " + name);
        }
        return text;
    }

    /** A workflow code of the case (such as {@code founded}). */
    String code(String name) {
        String code = scenario.codes().get(name);
        if (code == null) {
            throw new IllegalArgumentException("case " + scenario.name() + " has no code " + name);
        }
        return code;
    }
}
