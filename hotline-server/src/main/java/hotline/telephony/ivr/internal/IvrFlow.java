package hotline.telephony.ivr.internal;

import java.util.List;
import java.util.Map;

/**
 * One IVR flow as data ({@code ivr-scripts/flows/<name>.json}): prompts by id and nodes by id, entered at {@code start}.
 * Built only by {@link IvrFlowParser}, which has checked every reference, so the interpreter never meets a dangling
 * one. Immutable.
 *
 * @param agentNode where a caller goes when a node's tries run out and the node names no {@code onFail}
 */
public record IvrFlow(String name, String start, String agentNode, Map<String, Prompt> prompts, Map<String, Node> nodes) {

    /** A recorded prompt: the sound file Asterisk plays (per channel language) and what it says in both languages. */
    public record Prompt(String sound, String zh, String en) {
    }

    /** A transition: the node to go to, whether it counts as another try of that node, variables to set first. */
    public record Edge(String target, boolean retry, Map<String, String> set) {
    }

    /** One step of a flow. */
    public sealed interface Node permits Menu, Input, Action, Say, Branch, Hangup {
    }

    /** Plays {@code prompt} and waits for one key; each option is an edge. */
    public record Menu(String prompt, Map<String, Edge> options, int timeoutMs, int tries, String invalidPrompt,
                       String onFail) implements Node {
    }

    /** Plays {@code prompt} and collects {@code minDigits..maxDigits} digits into variable {@code into}. */
    public record Input(String prompt, String into, int minDigits, int maxDigits, int timeoutMs, int tries,
                        String invalidPrompt, Edge next, String onFail) implements Node {
    }

    /** Runs an {@link IvrAction} with parameters; its outcome picks the edge ({@code *} matches any other outcome). */
    public record Action(IvrAction action, Map<String, String> params, Map<String, Edge> outcomes) implements Node {
    }

    /** Says its parts in order, then goes on. */
    public record Say(List<Part> parts, Edge next) implements Node {
    }

    /**
     * One part of what a {@link Say} node says: a prompt, or a variable read out by one of Asterisk's say commands
     * in the channel's language. A part whose variable is not set is left out.
     */
    public sealed interface Part permits Play, DigitsOf, NumberOf, DateOf {
    }

    /** Plays a prompt. */
    public record Play(String prompt) implements Part {
    }

    /** Reads the variable out digit by digit (SAY DIGITS): a ticket or phone number. */
    public record DigitsOf(String variable) implements Part {
    }

    /**
     * Reads a decimal variable ({@code 123.45}) as a number (SAY NUMBER 123); when it has a fraction and
     * {@code point} is given, then that prompt and the decimals digit by digit; then {@code unit} (may be null).
     * Without {@code point} only the whole part is said.
     */
    public record NumberOf(String variable, String point, String unit) implements Part {
    }

    /** Reads a date variable ({@code 2026-03-05}) with SAY DATETIME, in the format given per language (zh, en). */
    public record DateOf(String variable, Map<String, String> formats) implements Part {
    }

    /** Goes to {@code present} when the variable is set, else to {@code absent}. */
    public record Branch(String variable, Edge present, Edge absent) implements Node {
    }

    /** Plays prompts and hangs up. */
    public record Hangup(List<String> prompts) implements Node {
    }
}
