package dev.envparity.configfile;

import java.io.Reader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a YAML document the way a person would want it checked: a syntax error or a key given twice (which YAML
 * forbids, https://yaml.org/spec/1.2.2/#mapping, and the config loader would let pass with a warning) is one sentence
 * naming the file, line and column. The sentence never quotes the file's content, which may hold secrets.
 */
public final class YamlSyntax {
    private YamlSyntax() {
    }

    /** @return what is wrong, starting with {@code file}, or empty when the document is well-formed */
    public static Optional<String> problem(String file, Reader yaml) {
        try {
            for (Node document : new Yaml(new LoaderOptions()).composeAll(yaml)) {
                Optional<String> duplicate = duplicateKey(file, document);
                if (duplicate.isPresent()) {
                    return duplicate;
                }
            }
            return Optional.empty();
        } catch (MarkedYAMLException e) {
            Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String context = e.getContext() == null ? ""
                    : " (" + e.getContext() + (e.getContextMark() == null || e.getContextMark() == at ? "" : " at " + position(e.getContextMark())) + ")";
            String problem = e.getProblem().contains("\\t(TAB)") ? "a tab character; YAML indents with spaces only" : e.getProblem();
            return Optional.of(file + ", " + position(at) + ": " + problem + (problem == e.getProblem() ? context : ""));
        } catch (YAMLException e) {
            return Optional.of(file + ": not a YAML document");
        }
    }

    private static Optional<String> duplicateKey(String file, Node node) {
        if (node instanceof MappingNode) {
            Map<String, Node> seen = new HashMap<>();
            for (NodeTuple entry : ((MappingNode) node).getValue()) {
                Node key = entry.getKeyNode();
                if (key instanceof ScalarNode && !"<<".equals(((ScalarNode) key).getValue())) {
                    Node first = seen.putIfAbsent(((ScalarNode) key).getValue(), key);
                    if (first != null) {
                        return Optional.of(file + ", " + position(key.getStartMark()) + ": " + ((ScalarNode) key).getValue()
                                + " is set twice in the same mapping (first at " + position(first.getStartMark()) + ")");
                    }
                }
                Optional<String> inner = duplicateKey(file, entry.getValueNode());
                if (inner.isPresent()) {
                    return inner;
                }
            }
        } else if (node instanceof SequenceNode) {
            for (Node item : ((SequenceNode) node).getValue()) {
                Optional<String> inner = duplicateKey(file, item);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    private static String position(Mark mark) {
        return mark == null ? "at the end" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    static List<String> extensions() {
        return List.of(".yaml", ".yml");
    }
}
