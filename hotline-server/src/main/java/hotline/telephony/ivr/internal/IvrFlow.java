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

    /** Plays prompts, then optionally reads a variable out digit by digit, then goes on. */
    public record Say(List<String> prompts, String digitsOf, Edge next) implements Node {
    }

    /** Goes to {@code present} when the variable is set, else to {@code absent}. */
    public record Branch(String variable, Edge present, Edge absent) implements Node {
    }

    /** Plays prompts and hangs up. */
    public record Hangup(List<String> prompts) implements Node {
    }
}
